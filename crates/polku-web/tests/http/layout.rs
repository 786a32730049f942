//! The layering rule of `src/`: the base imports no feature area and not the
//! route table, so areas can be added without touching it.

use std::path::PathBuf;

#[test]
fn the_base_imports_no_feature_folder() {
    let base = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/base");
    let mut files = 0;
    for entry in std::fs::read_dir(&base).expect("src/base") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("readable");
        files += 1;
        for (number, line) in text.lines().enumerate() {
            for (at, _) in line.match_indices("crate::") {
                let rest = &line[at + "crate::".len()..];
                assert!(
                    rest.starts_with("base"),
                    "{}:{}: the base imports `crate::{rest}`; move what it needs into base",
                    path.display(),
                    number + 1
                );
            }
        }
    }
    assert!(files > 10, "read only {files} files of src/base");
}
