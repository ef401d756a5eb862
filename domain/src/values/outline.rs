//! The outline of a region on the map: polygons of rings of points in WGS84 longitude and
//! latitude, kept as whole millionths of a degree (about 0.1 m), so an outline compares and
//! stores exactly. `parse` is the one check every input path goes through (a GeoJSON import, a
//! stored event): every ring closed, at least four points, coordinates on the globe, and no more
//! points than a map of one office needs.

use serde::{Deserialize, Serialize};

use super::InvalidValue;

/// One point: longitude and latitude in millionths of a degree.
pub type Point = [i32; 2];

/// A region's outline: one or more polygons (islands), each an outer ring and optional holes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(try_from = "Vec<Vec<Vec<Point>>>", into = "Vec<Vec<Vec<Point>>>")]
pub struct Outline(Vec<Vec<Vec<Point>>>);

const FIELD: &str = "Umriss";

impl Outline {
    /// Points one outline may have. The finest region outlines Berlin publishes, simplified to
    /// about 10 m, have at most a few hundred points each.
    pub const MAX_POINTS: usize = 20_000;
    /// Millionths of a degree per degree.
    pub const SCALE: f64 = 1_000_000.0;

    /// An outline from degrees, as a GeoJSON `MultiPolygon` holds them (`[lon, lat]`).
    pub fn from_degrees(polygons: &[Vec<Vec<[f64; 2]>>]) -> Result<Self, InvalidValue> {
        let mut scaled = Vec::with_capacity(polygons.len());
        for polygon in polygons {
            let mut rings = Vec::with_capacity(polygon.len());
            for ring in polygon {
                let mut points = Vec::with_capacity(ring.len());
                for [lon, lat] in ring {
                    let in_range = lon.is_finite()
                        && lat.is_finite()
                        && (-180.0..=180.0).contains(lon)
                        && (-90.0..=90.0).contains(lat);
                    if !in_range {
                        return Err(InvalidValue::malformed(
                            FIELD,
                            &format!("{lon}, {lat}"),
                            "Längen- und Breitengrad in Grad (WGS84)",
                        ));
                    }
                    points.push([
                        (lon * Self::SCALE).round() as i32,
                        (lat * Self::SCALE).round() as i32,
                    ]);
                }
                rings.push(points);
            }
            scaled.push(rings);
        }
        Self::parse(scaled)
    }

    /// Checks polygons of millionths of a degree.
    pub fn parse(polygons: Vec<Vec<Vec<Point>>>) -> Result<Self, InvalidValue> {
        if polygons.is_empty() || polygons.iter().any(Vec::is_empty) {
            return Err(InvalidValue::Empty { field: FIELD });
        }
        let mut total = 0usize;
        for ring in polygons.iter().flatten() {
            total += ring.len();
            if ring.len() < 4 {
                return Err(InvalidValue::malformed(
                    FIELD,
                    &format!("{} Punkte", ring.len()),
                    "mindestens 4 Punkte je Ring",
                ));
            }
            if ring.first() != ring.last() {
                return Err(InvalidValue::malformed(
                    FIELD,
                    "offener Ring",
                    "Ringe, deren letzter Punkt der erste ist",
                ));
            }
            let off_globe = ring.iter().any(|[lon, lat]| {
                lon.unsigned_abs() > 180_000_000 || lat.unsigned_abs() > 90_000_000
            });
            if off_globe {
                return Err(InvalidValue::malformed(
                    FIELD,
                    "Punkt außerhalb",
                    "Längen- und Breitengrad in Grad (WGS84)",
                ));
            }
        }
        if total > Self::MAX_POINTS {
            return Err(InvalidValue::TooLong {
                field: FIELD,
                max: Self::MAX_POINTS,
            });
        }
        Ok(Self(polygons))
    }

    /// Polygons → rings → points.
    pub fn polygons(&self) -> &[Vec<Vec<Point>>] {
        &self.0
    }

    /// Points in all rings.
    pub fn points(&self) -> usize {
        self.0.iter().flatten().map(Vec::len).sum()
    }
}

impl TryFrom<Vec<Vec<Vec<Point>>>> for Outline {
    type Error = InvalidValue;
    fn try_from(value: Vec<Vec<Vec<Point>>>) -> Result<Self, Self::Error> {
        Self::parse(value)
    }
}

impl From<Outline> for Vec<Vec<Vec<Point>>> {
    fn from(value: Outline) -> Self {
        value.0
    }
}

#[cfg(test)]
#[path = "outline_tests.rs"]
mod tests;
