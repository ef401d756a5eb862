//! The JSON shape of the reports (`wifo_analytics::model::Report`) as OpenAPI schemas, and the
//! query parameters of the report routes. Kept beside the model's field names; the HTTP test
//! checks that every top-level field of a real answer is documented here.

use serde_json::{Value, json};

fn object(properties: Value) -> Value {
    json!({"type": "object", "properties": properties})
}

fn array_of(reference: &str) -> Value {
    json!({"type": "array", "items": {"$ref": format!("#/components/schemas/{reference}")}})
}

fn reference(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

/// Component schemas of the report.
pub(super) fn schemas() -> Value {
    let number = json!({"type": ["number", "null"]});
    let integer = json!({"type": "integer"});
    let text = json!({"type": "string"});
    let count = reference("Count");
    let measure = reference("Measure");
    json!({
        "Count": object(json!({
            "current": integer, "previous": integer, "change": integer,
            "change_percent": number,
        })),
        "Measure": object(json!({"current": number, "previous": number, "change": number})),
        "KeyedCount": object(json!({
            "key": text, "label": text, "current": integer, "previous": integer,
            "change": integer, "change_percent": number,
        })),
        "RegionCount": object(json!({
            "level": text, "key": text, "label": text, "current": integer, "previous": integer,
            "change": integer, "change_percent": number,
        })),
        "Period": object(json!({"from": {"type": "string", "format": "date"}, "to": {"type": "string", "format": "date"}})),
        "Coverage": object(json!({
            "months": integer, "min_employees": {"type": ["integer", "null"]},
            "businesses": integer, "visited": count, "share_percent": measure,
        })),
        "FindingFollowUp": object(json!({
            "finding": text, "label": text, "businesses": count, "with_follow_up": count,
            "follow_up_done": count,
        })),
        "VisitStatistics": object(json!({
            "conducted": count, "per_month": array_of("KeyedCount"),
            "per_quarter": array_of("KeyedCount"), "per_staff": array_of("KeyedCount"),
            "per_sector_section": array_of("KeyedCount"),
            "per_sector_division": array_of("KeyedCount"),
            "per_region": array_of("RegionCount"), "per_size_class": array_of("KeyedCount"),
            "joint": count, "joint_per_partner": array_of("KeyedCount"),
            "coverage": array_of("Coverage"), "findings": array_of("FindingFollowUp"),
        })),
        "ContactStatistics": object(json!({
            "logged": count, "per_channel": array_of("KeyedCount"),
            "per_topic": array_of("KeyedCount"),
        })),
        "TopicRank": object(json!({
            "rank": integer, "topic": text, "label": text, "visits": integer,
            "contacts": integer, "inquiries": integer, "current": integer,
            "previous": integer, "change": integer, "change_percent": number,
        })),
        "TopicStatistics": object(json!({"ranking": array_of("TopicRank")})),
        "Durations": object(json!({
            "measured": count, "median_days": measure, "p90_days": measure,
            "target_days": integer, "within_target_percent": measure,
        })),
        "OfficeReferrals": object(json!({
            "office": text, "label": text, "referrals": count, "answered": count,
            "median_answer_days": measure, "p90_answer_days": measure,
        })),
        "ReferralCell": object(json!({
            "from": text, "to": text, "to_label": text, "referrals": count,
            "median_answer_days": measure,
        })),
        "TopicResponse": object(json!({
            "topic": text, "label": text, "received": integer,
            "median_first_response_days": number, "open_at_end": integer,
        })),
        "InquiryStatistics": object(json!({
            "received": count, "per_topic": array_of("KeyedCount"),
            "per_source": array_of("KeyedCount"), "first_response": reference("Durations"),
            "to_close": reference("Durations"), "referrals": array_of("OfficeReferrals"),
            "referral_matrix": array_of("ReferralCell"), "outcomes": array_of("KeyedCount"),
            "open_at_end": count, "per_topic_response": array_of("TopicResponse"),
        })),
        "CooperationFigures": object(json!({
            "cooperation": text, "title": text,
            "valid_until": {"type": "string", "format": "date"},
            "planned": count, "achieved": count, "rescheduled": count, "cancelled": count,
            "completion_percent": measure, "due_next_year": integer, "months_left": integer,
        })),
        "CooperationStatistics": object(json!({"agreements": array_of("CooperationFigures")})),
        "GatheringFigures": object(json!({
            "kind": text, "held": count, "attendance": count, "organizations": count,
            "repeat_organizations": count,
        })),
        "GatheringStatistics": object(json!({
            "per_kind": array_of("GatheringFigures"), "total": reference("GatheringFigures"),
        })),
        "AgendaProposal": object(json!({
            "rank": integer,
            "reason_kind": {"type": "string", "enum": ["topic_growth", "slow_inquiries", "open_inquiries", "slipped_milestones", "low_coverage_region", "low_coverage_sector"]},
            "subject": text, "reason": text, "score": {"type": "number"},
            "other_reason_kinds": {"type": "array", "items": {"type": "string"}, "description": "Weitere Anlässe desselben Gegenstands, in diesen Vorschlag übernommen (höchstes Gewicht zuerst)."},
        })),
        "Report": {
            "type": "object",
            "description": "Klausur-Statistik oder Zwischenbericht: jede Zahl mit dem gleichen Zeitraum ein Jahr zuvor (previous) und der Veränderung.",
            "properties": {
                "kind": {"type": "string", "enum": ["klausur", "leadership"]},
                "title": text,
                "period": reference("Period"),
                "previous_period": reference("Period"),
                "filter": object(json!({
                    "partner": {"type": ["string", "null"]},
                    "region": {"type": ["string", "null"]},
                    "coverage_min_employees": {"type": ["integer", "null"]},
                })),
                "visits": reference("VisitStatistics"),
                "contacts": reference("ContactStatistics"),
                "topics": reference("TopicStatistics"),
                "inquiries": reference("InquiryStatistics"),
                "cooperations": reference("CooperationStatistics"),
                "gatherings": reference("GatheringStatistics"),
                "agenda": array_of("AgendaProposal"),
            },
        },
    })
}

/// Query parameters of a report route.
pub(super) fn parameters(leadership: bool) -> Vec<Value> {
    let query = |name: &str, description: &str, required: bool| json!({"name": name, "in": "query", "required": required, "description": description, "schema": {"type": "string"}});
    let mut parameters = Vec::new();
    if leadership {
        parameters.push(query(
            "from",
            "Erster Tag (TT.MM.JJJJ oder JJJJ-MM-TT)",
            true,
        ));
        parameters.push(query(
            "to",
            "Letzter Tag (TT.MM.JJJJ oder JJJJ-MM-TT)",
            true,
        ));
    }
    parameters.extend([
        query(
            "partner",
            "Organisations-ID eines Kooperationspartners",
            false,
        ),
        query(
            "region",
            "Regionsschlüssel (LOR), zählt diese Region und darunter",
            false,
        ),
        query(
            "format",
            "json (Standard), html, csv (ZIP) oder xlsx",
            false,
        ),
        query(
            "min_employees",
            "Abdeckung zusätzlich ab so vielen Beschäftigten",
            false,
        ),
        query(
            "first_response_days",
            "Ziel Erstantwort in Berliner Arbeitstagen (Standard: das Ziel des Büros, `wifo serve --first-response-working-days`)",
            false,
        ),
        query(
            "close_days",
            "Ziel Abschluss in Kalendertagen (Standard 30)",
            false,
        ),
    ]);
    parameters
}

/// The 200 answer of a report route.
pub(super) fn response() -> Value {
    json!({
        "description": "Der Bericht",
        "content": {
            "application/json": {"schema": reference("Report")},
            "text/html": {"schema": {"type": "string"}},
            "application/zip": {"schema": {"type": "string", "format": "binary"}},
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}},
        },
    })
}
