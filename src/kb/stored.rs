//! The compiled image of the default rules, embedded in the binary, and `Stored`, a string
//! that is either read from a pack at run time or borrowed from that image.
//!
//! Half the default rules' bytes are `source` URLs that a run cites only in the findings
//! it makes; borrowing them from the image, rather than copying each into a `String`,
//! keeps loading the image from allocating and checking thousands of strings.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The image `build.rs` places in `OUT_DIR` (see `kb::image`).
pub static IMAGE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/default.image"));

/// A string owned, or a range of bytes of `IMAGE` (read as UTF-8 when it is used, so that
/// loading the image neither copies nor validates the thousands it holds).
#[derive(Clone)]
pub enum Stored {
    Owned(Box<str>),
    Image { start: u32, len: u32 },
}

impl Stored {
    pub fn as_str(&self) -> &str {
        match self {
            Self::Owned(s) => s,
            Self::Image { start, len } => {
                let (start, len) = (*start as usize, *len as usize);
                IMAGE
                    .get(start..start + len)
                    .and_then(|b| std::str::from_utf8(b).ok())
                    .unwrap_or_default()
            }
        }
    }

    /// `b` as a range of the image when it lies inside it, else copied (and then it must be
    /// UTF-8).
    fn from_borrowed<E: serde::de::Error>(b: &[u8]) -> Result<Self, E> {
        let base = IMAGE.as_ptr() as usize;
        let at = b.as_ptr() as usize;
        match (at.checked_sub(base), u32::try_from(b.len())) {
            (Some(start), Ok(len)) if start + b.len() <= IMAGE.len() => match u32::try_from(start) {
                Ok(start) => Ok(Self::Image { start, len }),
                Err(_) => Self::from_bytes(b),
            },
            _ => Self::from_bytes(b),
        }
    }

    fn from_bytes<E: serde::de::Error>(b: &[u8]) -> Result<Self, E> {
        std::str::from_utf8(b).map(Self::from).map_err(E::custom)
    }
}

impl std::ops::Deref for Stored {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Stored {
    fn from(s: &str) -> Self {
        Self::Owned(s.into())
    }
}

impl From<String> for Stored {
    fn from(s: String) -> Self {
        Self::Owned(s.into_boxed_str())
    }
}

impl From<Stored> for String {
    fn from(s: Stored) -> Self {
        s.as_str().to_string()
    }
}

impl Default for Stored {
    fn default() -> Self {
        Self::Owned(Box::default())
    }
}

impl PartialEq for Stored {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Stored {}

impl PartialEq<str> for Stored {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Stored {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Stored {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialOrd for Stored {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Stored {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for Stored {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.as_str().hash(h)
    }
}

impl std::borrow::Borrow<str> for Stored {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Stored {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Stored {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Stored {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Human-readable formats (TOML, JSON) see a string; the image stores the bytes, which
/// are read back as a range without being checked until they are used.
impl Serialize for Stored {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.serialize_str(self.as_str())
        } else {
            s.serialize_bytes(self.as_str().as_bytes())
        }
    }
}

impl<'de> Deserialize<'de> for Stored {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Stored;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Stored, E> {
                Stored::from_borrowed(v.as_bytes())
            }
            fn visit_borrowed_bytes<E: serde::de::Error>(self, v: &'de [u8]) -> Result<Stored, E> {
                Stored::from_borrowed(v)
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Stored, E> {
                Stored::from_bytes(v)
            }
            fn visit_str<E>(self, v: &str) -> Result<Stored, E> {
                Ok(Stored::from(v))
            }
            fn visit_string<E>(self, v: String) -> Result<Stored, E> {
                Ok(Stored::from(v))
            }
        }
        if d.is_human_readable() {
            d.deserialize_str(Visitor)
        } else {
            d.deserialize_bytes(Visitor)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Stored;

    #[test]
    fn a_string_outside_the_image_is_copied() {
        let s: Stored = postcard::from_bytes(&postcard::to_allocvec(&Stored::from("a source")).unwrap()).unwrap();
        assert!(matches!(s, Stored::Owned(_)));
        assert_eq!(&*s, "a source");
    }

    #[test]
    fn a_string_inside_the_image_is_borrowed() {
        // The image's header starts with its format number, then the rules' hash as a string.
        let (_, rest) = postcard::take_from_bytes::<u32>(super::IMAGE).unwrap();
        let s: Stored = postcard::from_bytes(rest).unwrap();
        assert!(matches!(s, Stored::Image { .. }));
        assert_eq!(&*s, crate::kb::image::RULES_HASH);
    }
}
