//! Checks of how people's names are spelled.

pub mod inconsistent_spelling;
pub mod misspelled_name;
