//! Small components shared by the pages.

pub mod chart;
pub mod download;
pub mod layout;
pub mod loaded;
pub mod money;
pub mod status;
