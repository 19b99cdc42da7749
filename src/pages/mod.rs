//! One module per route.

pub mod about;
pub mod agreement;
pub mod agreements;
pub mod home;
pub mod not_found;
pub mod partner;
pub mod partners;
pub mod presentation;
pub mod simulator;
