//! A bare eframe window: the same eframe build, renderer and window size as
//! Yearplan, drawing one heading and nothing else. `benches/startup.sh`
//! times Yearplan's start against it, so that the figure says what Yearplan
//! adds to what any eframe window costs on the machine.

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Bare eframe window")
            .with_inner_size([1280.0, 820.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Bare eframe window",
        options,
        Box::new(|_| Ok(Box::new(Bare))),
    )
}

struct Bare;

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("A bare eframe window");
            ui.label("The same eframe, glow and window size as Yearplan, and nothing else.");
        });
    }
}
