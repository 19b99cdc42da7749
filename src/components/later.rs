//! Drawing a page in several tasks instead of one.
//!
//! On a phone's CPU (Lighthouse's mobile profile is 4x slower than a
//! laptop) one render of a whole page can block the main thread for
//! 200-400 ms, and a tap waits that long. These helpers put what lies
//! below the first screen into later tasks (a zero timeout each), so the
//! browser paints and handles input in between. Only content that is added
//! *after* what is already drawn may be deferred: appended below, it moves
//! nothing on screen (no layout shift).

use leptos::prelude::*;

/// A count that rises from 0 to `total`, by one per task (a zero timeout
/// each), so what it reveals renders in separate tasks. Stops when its
/// owner is gone.
pub fn one_per_task(total: usize) -> ReadSignal<usize> {
    let (count, set_count) = signal(0usize);
    fn step(set_count: WriteSignal<usize>, total: usize) {
        set_timeout(
            move || {
                let more = set_count.try_update(|n| {
                    *n += 1;
                    *n < total
                });
                if more == Some(true) {
                    step(set_count, total);
                }
            },
            std::time::Duration::ZERO,
        );
    }
    if total > 0 {
        step(set_count, total);
    }
    count
}

/// Its children, drawn `after` tasks after the one that draws it (1 by
/// default). Put it last in its parent: what it adds is appended below.
#[component]
pub fn Later(children: ChildrenFn, #[prop(default = 1)] after: usize) -> impl IntoView {
    let count = one_per_task(after);
    let due = move || count.get() >= after;
    view! { <Show when=due>{children()}</Show> }
}
