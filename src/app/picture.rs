//! "Save picture of this tab…": the window as a PNG, for pasting into a chat
//! or a review. egui reads the painted pixels after the next frame and
//! hands them to a callback; the PNG is encoded and written on a thread of
//! its own, and the app hears back through a channel.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::{Notice, YearplanApp};
use crate::io;
use crate::ui::Tab;

/// A picture asked for and not yet written.
pub(super) struct Picture {
    path: PathBuf,
    tab: Tab,
    receiver: Receiver<Result<(), String>>,
}

impl YearplanApp {
    /// Asks egui for the next frame's pixels, to be written to `path`.
    pub(super) fn save_picture(&mut self, ctx: &egui::Context, path: &Path) {
        let (sender, receiver) = channel();
        let target = path.to_path_buf();
        let wake = ctx.clone();
        ctx.request_screenshot(move |image| {
            let spawned = std::thread::Builder::new()
                .name("save-picture".to_owned())
                .spawn(move || {
                    let _ = sender.send(write_png(&target, &image));
                    wake.request_repaint();
                });
            // Without a thread the sender is dropped here, and the app says
            // the picture could not be taken rather than waiting for ever.
            drop(spawned);
        });
        self.picture = Some(Picture {
            path: path.to_path_buf(),
            tab: self.tab,
            receiver,
        });
    }

    pub(super) fn poll_picture(&mut self, ctx: &egui::Context) {
        let Some(picture) = &self.picture else {
            return;
        };
        match picture.receiver.try_recv() {
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(50));
            }
            Ok(Ok(())) => {
                self.notice = Some(Notice::Info(format!(
                    "Saved a picture of the {} tab to {}",
                    picture.tab.label(),
                    picture.path.display()
                )));
                self.picture = None;
            }
            Ok(Err(error)) => {
                self.picture = None;
                self.show_error(format!("Could not save the picture.\n\n{error}"));
            }
            Err(TryRecvError::Disconnected) => {
                self.picture = None;
                self.notice = Some(Notice::Error(
                    "Could not take a picture of the window: it was not painted.".to_owned(),
                ));
            }
        }
    }

    /// Whether a picture is being taken or written.
    pub fn is_taking_picture(&self) -> bool {
        self.picture.is_some()
    }
}

/// Encodes `image` as PNG and writes it to `path` atomically.
pub fn write_png(path: &Path, image: &Arc<egui::ColorImage>) -> Result<(), String> {
    let [width, height] = image.size;
    let too_large = || format!("the picture is too large ({width}×{height})");
    let width = u32::try_from(width).map_err(|_| too_large())?;
    let height = u32::try_from(height).map_err(|_| too_large())?;
    let bytes: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(egui::Color32::to_srgba_unmultiplied)
        .collect();
    let mut png = Vec::new();
    image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(&mut png),
        &bytes,
        width,
        height,
        image::ExtendedColorType::Rgba8,
    )
    .map_err(|error| format!("could not encode the picture as PNG: {error}"))?;
    io::save_bytes(path, &png).map_err(|error| error.to_string())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn the_png_holds_the_pixels_as_painted() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("tab.png");
        let colours = [
            egui::Color32::from_rgb(0x2e, 0x9e, 0x4f),
            egui::Color32::from_rgb(0xd9, 0x8e, 0x04),
            egui::Color32::BLACK,
            egui::Color32::WHITE,
            egui::Color32::from_rgb(1, 2, 3),
            egui::Color32::from_rgb(0x2f, 0x7f, 0xd0),
        ];
        let image = Arc::new(egui::ColorImage::new([3, 2], colours.to_vec()));
        write_png(&path, &image).unwrap();
        let read = image::load_from_memory_with_format(
            &std::fs::read(&path).unwrap(),
            image::ImageFormat::Png,
        )
        .unwrap()
        .to_rgba8();
        assert_eq!(read.dimensions(), (3, 2));
        for (index, colour) in colours.iter().enumerate() {
            let (x, y) = (index as u32 % 3, index as u32 / 3);
            assert_eq!(read.get_pixel(x, y).0, colour.to_srgba_unmultiplied());
        }
    }

    #[test]
    fn a_folder_that_is_not_there_is_a_clear_error() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("missing").join("tab.png");
        let image = Arc::new(egui::ColorImage::new([1, 1], vec![egui::Color32::RED]));
        let error = write_png(&path, &image).unwrap_err();
        assert!(error.contains("missing"), "{error}");
        assert!(!path.exists());
    }
}
