fn main() {
    kemitraan::panic::install();
    leptos::mount::mount_to_body(kemitraan::App);
}
