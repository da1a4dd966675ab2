//! Reports: the same [`Report`](crate::Report) rendered for a person
//! ([`terminal`]) or for a CI job ([`yaml`]).

pub mod terminal;
pub mod yaml;
