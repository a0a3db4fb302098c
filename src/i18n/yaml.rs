//! serde_yaml's errors in the domain's words.
