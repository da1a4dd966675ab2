//! Reports: the same [`Report`](crate::Report) rendered for a person
//! ([`terminal`], [`html`]), for a pull request ([`markdown`]) or for a CI
//! job ([`yaml`], [`json`]).

pub mod digest;
pub mod html;
pub mod json;
pub mod markdown;
pub mod paragraphs;
pub mod schema;
pub mod series;
mod sink;
pub mod stat;
pub mod terminal;
pub mod yaml;
