//! Where uploaded files live. A local directory by default; the trait lets a deployment
//! use an S3-compatible store instead without touching the callers.

use std::path::{Path, PathBuf};

use anyhow::Context;

/// A store of immutable blobs addressed by key (`photos/<uuid>.jpg`).
#[async_trait::async_trait]
pub trait Storage: Send + Sync {
    async fn put(&self, key: &str, bytes: Vec<u8>) -> anyhow::Result<()>;
    /// The blob, or `None` when there is none.
    async fn get(&self, key: &str) -> anyhow::Result<Option<Vec<u8>>>;
}

/// Blobs as files under a directory.
pub struct LocalStorage {
    root: PathBuf,
}

impl LocalStorage {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    fn path(&self, key: &str) -> anyhow::Result<PathBuf> {
        // Keys are made by the server, but never let one escape the root.
        anyhow::ensure!(
            !key.is_empty()
                && key
                    .split('/')
                    .all(|part| !part.is_empty() && part != ".." && part != "."),
            "invalid storage key {key:?}"
        );
        Ok(self.root.join(Path::new(key)))
    }
}

#[async_trait::async_trait]
impl Storage for LocalStorage {
    async fn put(&self, key: &str, bytes: Vec<u8>) -> anyhow::Result<()> {
        let path = self.path(key)?;
        if let Some(parent) = path.parent() {
            tokio::fs::create_dir_all(parent)
                .await
                .with_context(|| format!("creating {}", parent.display()))?;
        }
        // Write to a temporary name and rename, so a reader never sees half a file.
        let temporary = path.with_extension("partial");
        tokio::fs::write(&temporary, bytes)
            .await
            .with_context(|| format!("writing {}", temporary.display()))?;
        tokio::fs::rename(&temporary, &path).await?;
        Ok(())
    }

    async fn get(&self, key: &str) -> anyhow::Result<Option<Vec<u8>>> {
        match tokio::fs::read(self.path(key)?).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn stores_and_reads_blobs_and_refuses_escaping_keys() {
        let dir = std::env::temp_dir().join(format!("kontakt-storage-{}", uuid::Uuid::new_v4()));
        let storage = LocalStorage::new(&dir);
        storage.put("photos/a.jpg", vec![1, 2, 3]).await.unwrap();
        assert_eq!(storage.get("photos/a.jpg").await.unwrap(), Some(vec![1, 2, 3]));
        assert_eq!(storage.get("photos/missing.jpg").await.unwrap(), None);
        assert!(storage.put("../evil", vec![]).await.is_err());
        assert!(storage.get("photos/../../etc/passwd").await.is_err());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
