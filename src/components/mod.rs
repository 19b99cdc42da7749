//! Small components shared by the pages.

pub mod bar_chart;
pub mod breakdown;
pub mod chart;
pub mod checkbox_group;
pub mod download;
pub mod figures;
pub mod fold;
pub mod later;
pub mod layout;
pub mod loaded;
pub mod money;
pub mod page_title;
pub mod pager;
pub mod sim_chart;
pub mod status;
pub mod svg;
