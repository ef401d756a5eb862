//! Marks the tests that need a KurrentDB server as ignored (with the reason printed by the test
//! runner) unless `WIFO_KURRENTDB_URL` names one when the tests are built.

fn main() {
    println!("cargo::rerun-if-env-changed=WIFO_KURRENTDB_URL");
    println!("cargo::rustc-check-cfg=cfg(kurrentdb_server)");
    if std::env::var("WIFO_KURRENTDB_URL").is_ok_and(|url| !url.trim().is_empty()) {
        println!("cargo::rustc-cfg=kurrentdb_server");
    }
}
