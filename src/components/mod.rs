//! Small components shared by the pages.

pub mod layout;
pub mod loaded;
pub mod money;
pub mod status;
