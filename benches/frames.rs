//! How long Yearplan takes to load, save and draw a plan: the seed plan and a
//! heavy one (2,000 tasks, 20,000 time entries, 5,000 expenses).
//!
//! Run with `cargo bench`; `cargo bench -- frame` runs only the frames.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use yearplan::app::{Clock, Document, YearplanApp};
use yearplan::io;
use yearplan::model::Plan;
use yearplan::model::sample::{Size, heavy_plan};
use yearplan::ui::Tab;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).unwrap()
}

fn plans() -> [(&'static str, Plan); 2] {
    let seed = io::default_plan(today());
    let heavy = heavy_plan(&seed, Size::HEAVY);
    [("seed", seed), ("heavy", heavy)]
}

fn file(c: &mut Criterion) {
    let folder = tempfile::tempdir().unwrap();
    for (name, plan) in plans() {
        let path = folder.path().join(format!("{name}.ron"));
        io::save_plan(&path, &plan).unwrap();
        c.bench_function(&format!("load+validate/{name}"), |b| {
            b.iter(|| black_box(io::load_plan(&path).unwrap()));
        });
        c.bench_function(&format!("save/{name}"), |b| {
            b.iter(|| io::save_plan(&path, black_box(&plan)).unwrap());
        });
    }
}

/// One frame of a tab, headless, after the first frames have laid it out
/// and the fonts are ready: the cost of a frame while the person works.
fn frames(c: &mut Criterion) {
    for (name, plan) in plans() {
        for (index, tab) in Tab::ALL.into_iter().enumerate() {
            let mut app = YearplanApp::new(Document {
                plan: plan.clone(),
                path: None,
                dirty: false,
            })
            .with_clock(Clock::Fixed(today()));
            let ctx = egui::Context::default();
            let mut input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(1280.0, 820.0),
                )),
                ..Default::default()
            };
            input.events.push(egui::Event::Key {
                key: [
                    egui::Key::Num1,
                    egui::Key::Num2,
                    egui::Key::Num3,
                    egui::Key::Num4,
                    egui::Key::Num5,
                ][index],
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: egui::Modifiers::COMMAND,
            });
            let run = |app: &mut YearplanApp, input: egui::RawInput| {
                black_box(ctx.run_ui(input, |ui| app.ui_root(ui)));
            };
            run(&mut app, input.clone());
            input.events.clear();
            for _ in 0..3 {
                run(&mut app, input.clone());
            }
            assert_eq!(app.tab(), tab, "Ctrl+{} opens {tab:?}", index + 1);
            let label = tab.label().to_lowercase().replace(" & ", "-");
            c.bench_function(&format!("frame/{label}/{name}"), |b| {
                b.iter(|| run(&mut app, input.clone()));
            });
        }
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = file, frames
}
criterion_main!(benches);
