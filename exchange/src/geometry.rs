//! Region outlines from a GeoJSON file (`wifo import geometry FILE`): a `FeatureCollection` whose
//! features carry the region code as text in the property `id` (with its leading zero, `0310`)
//! and a `Polygon` or `MultiPolygon` in WGS84 degrees. The plan takes the outlines of regions the
//! office has defined and lists every other feature with its code and name, so a Berlin-wide
//! file imports the district's outlines and says what it left out; a feature that cannot be
//! read is an error with its number, and then nothing is written.

use std::collections::BTreeSet;

use wifo_domain::{
    taxonomy::{DrawOutlines, RegionOutline, TaxonomyKind},
    values::{Outline, RegionCode},
};

/// One feature that could not be read (numbered from 1 in file order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeatureError {
    pub feature: usize,
    pub message: String,
}

impl std::fmt::Display for FeatureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Umriss {}: {}", self.feature, self.message)
    }
}

/// What an import of the file would write.
#[derive(Clone, Debug, PartialEq)]
pub struct OutlinePlan {
    pub command: DrawOutlines,
    /// Features of regions the office has not defined: code and name.
    pub outside: Vec<(String, String)>,
    pub errors: Vec<FeatureError>,
}

/// The file could not be read as GeoJSON at all.
#[derive(Debug, thiserror::Error)]
#[error("Die Datei ist kein GeoJSON mit Umrissen (FeatureCollection): {0}")]
pub struct GeometryError(String);

/// Plans the import of `bytes` for an office whose regions are `known`; `source` is the credit
/// every map drawn from the outlines shows.
pub fn outlines(
    bytes: &[u8],
    known: &BTreeSet<String>,
    source: &str,
) -> Result<OutlinePlan, GeometryError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| GeometryError("die Datei ist nicht in UTF-8 geschrieben".to_owned()))?;
    let text = text.trim_start_matches('\u{feff}');
    let collection: geojson::FeatureCollection = text
        .parse()
        .map_err(|error: geojson::Error| GeometryError(error.to_string()))?;
    let mut plan = OutlinePlan {
        command: DrawOutlines {
            taxonomy: TaxonomyKind::Regions,
            source: source.to_owned(),
            outlines: Vec::new(),
        },
        outside: Vec::new(),
        errors: Vec::new(),
    };
    let mut seen = BTreeSet::new();
    for (index, feature) in collection.features.iter().enumerate() {
        let number = index + 1;
        let mut refuse = |message: String| {
            plan.errors.push(FeatureError {
                feature: number,
                message,
            })
        };
        let code = match feature.property("id") {
            Some(serde_json::Value::String(code)) => code.trim().to_owned(),
            Some(serde_json::Value::Number(number)) => {
                refuse(format!(
                    "der Schlüssel {number} ist eine Zahl; er muss als Text mit führender Null stehen (z. B. „0310“)"
                ));
                continue;
            }
            _ => {
                refuse("die Eigenschaft „id“ mit dem Regionsschlüssel fehlt".to_owned());
                continue;
            }
        };
        let code = match RegionCode::parse(&code) {
            Ok(code) => code.to_string(),
            Err(error) => {
                refuse(error.to_string());
                continue;
            }
        };
        let name = feature
            .property("name")
            .and_then(serde_json::Value::as_str)
            .unwrap_or("")
            .trim()
            .to_owned();
        if !seen.insert(code.clone()) {
            refuse(format!("der Schlüssel {code} kommt mehrfach vor"));
            continue;
        }
        let polygons = match feature.geometry.as_ref().map(|geometry| &geometry.value) {
            Some(geojson::Value::Polygon(polygon)) => vec![polygon.clone()],
            Some(geojson::Value::MultiPolygon(polygons)) => polygons.clone(),
            Some(_) => {
                refuse(format!(
                    "{code}: die Geometrie ist keine Fläche (Polygon oder MultiPolygon)"
                ));
                continue;
            }
            None => {
                refuse(format!("{code}: die Geometrie fehlt"));
                continue;
            }
        };
        let outline = match degrees(&polygons)
            .and_then(|degrees| Outline::from_degrees(&degrees).map_err(|error| error.to_string()))
        {
            Ok(outline) => outline,
            Err(message) => {
                refuse(format!("{code}: {message}"));
                continue;
            }
        };
        if known.contains(&code) {
            plan.command.outlines.push(RegionOutline { code, outline });
        } else {
            plan.outside.push((code, name));
        }
    }
    Ok(plan)
}

/// GeoJSON positions (`[lon, lat]`, maybe with a height) as pairs of degrees.
fn degrees(polygons: &[geojson::PolygonType]) -> Result<Vec<Vec<Vec<[f64; 2]>>>, String> {
    polygons
        .iter()
        .map(|polygon| {
            polygon
                .iter()
                .map(|ring| {
                    ring.iter()
                        .map(|position| match position.as_slice() {
                            [lon, lat, ..] => Ok([*lon, *lat]),
                            _ => Err("ein Punkt hat keine zwei Koordinaten".to_owned()),
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
#[path = "geometry_tests.rs"]
mod tests;
