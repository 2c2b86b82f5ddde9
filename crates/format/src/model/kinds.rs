//! The closed vocabularies of the format (kinds, certainty, bounds), each with its JSON spelling.

/// Defines a fieldless enum with `as_str`, `parse`, `ALL` and serialization as its JSON spelling.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub enum $name {
            #[default]
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in the order the format lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The JSON spelling.
            pub fn as_str(&self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// The value spelled `text` in JSON.
            pub fn parse(text: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.as_str() == text)
            }
        }

        impl crate::model::Vocabulary for $name {
            fn all() -> &'static [Self] {
                $name::ALL
            }
            fn spelling(&self) -> &'static str {
                self.as_str()
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// What kind of publication a source is.
    SourceKind {
        News = "news",
        Government = "government",
        ThinkTank = "think-tank",
        Ngo = "ngo",
        Court = "court",
        Reference = "reference",
        Other = "other",
    }
}

vocabulary! {
    /// Who an actor is.
    ActorKind {
        Government = "government",
        Military = "military",
        Intelligence = "intelligence",
        Prosecutor = "prosecutor",
        ThinkTank = "think-tank",
        Media = "media",
        Ngo = "ngo",
        Other = "other",
    }
}

vocabulary! {
    /// What a place is.
    PlaceKind {
        Port = "port",
        NavalBase = "naval-base",
        Rail = "rail",
        BorderCrossing = "border-crossing",
        City = "city",
        Shipyard = "shipyard",
        Anchorage = "anchorage",
        Depot = "depot",
        Other = "other",
    }
}

vocabulary! {
    /// Whether a place's coordinate is the place itself or stands in for it.
    PlacePrecision {
        Exact = "exact",
        /// For example a city's coordinate standing in for its port.
        Approximate = "approximate",
    }
}

vocabulary! {
    /// What happened at an event.
    EventKind {
        PortCall = "port-call",
        Loading = "loading",
        Unloading = "unloading",
        Anchored = "anchored",
        Shipyard = "shipyard",
        Rail = "rail",
        Sighting = "sighting",
        Other = "other",
    }
}

vocabulary! {
    /// How well a trip, event or claim is established.
    Certainty {
        /// Several independent sources or an official record.
        Confirmed = "confirmed",
        /// One credible source.
        Reported = "reported",
        /// Derived by the report's authors; the note says how.
        Inferred = "inferred",
        /// Sources disagree; the note says how.
        Disputed = "disputed",
    }
}

vocabulary! {
    /// How a quantity's value is meant.
    Bound {
        Exact = "exact",
        About = "about",
        AtLeast = "at-least",
        MoreThan = "more-than",
        UpTo = "up-to",
        AtMost = "at-most",
    }
}

impl Bound {
    /// `at-least` and `more-than`: drawn open-ended upwards.
    pub fn is_lower_bound(&self) -> bool {
        matches!(self, Bound::AtLeast | Bound::MoreThan)
    }

    /// `up-to` and `at-most`: drawn as a cap, never as a point.
    pub fn is_upper_bound(&self) -> bool {
        matches!(self, Bound::UpTo | Bound::AtMost)
    }
}
