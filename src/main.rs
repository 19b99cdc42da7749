use std::time::Duration;

use leptos::prelude::{request_animation_frame, set_timeout};

fn main() {
    kemitraan::panic::install();
    // Mount after the browser has painted the static first paint of
    // index.html once (a frame, then a task): on a fast connection the wasm
    // can be ready before the first paint, and the reader would see nothing
    // until the app's first render. Costs one frame.
    request_animation_frame(|| {
        set_timeout(
            || {
                leptos::mount::mount_to_body(kemitraan::App);
                // In the same task as the mount, so no frame shows both.
                kemitraan::remove_boot_shell();
            },
            Duration::ZERO,
        )
    });
}
