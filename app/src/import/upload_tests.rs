//! Unit tests of `upload`.

use super::*;

fn upload(uploads: &Uploads, user: &str) -> String {
    uploads
        .insert(
            user,
            "datei.csv".into(),
            Arc::new(Vec::new()),
            None,
            ImportPlan::default(),
        )
        .expect("random id")
}

#[test]
fn an_upload_is_only_found_by_the_user_who_made_it() {
    let uploads = Uploads::default();
    let id = upload(&uploads, "p.lehmann");
    assert_eq!(id.len(), 32);
    assert_eq!(
        uploads.with(&id, "p.lehmann", |u| u.file_name.clone()),
        Some("datei.csv".into())
    );
    assert_eq!(uploads.with(&id, "a.schneider", |_| ()), None);
    assert_eq!(uploads.with("unbekannt", "p.lehmann", |_| ()), None);
}

#[test]
fn the_oldest_upload_goes_when_more_are_kept_than_allowed() {
    let uploads = Uploads::default();
    let first = upload(&uploads, "p.lehmann");
    let rest: Vec<String> = (0..KEPT).map(|_| upload(&uploads, "p.lehmann")).collect();
    assert_eq!(uploads.with(&first, "p.lehmann", |_| ()), None);
    for id in rest {
        assert_eq!(uploads.with(&id, "p.lehmann", |_| ()), Some(()));
    }
}
