//! Locking and unlocking share files with the browser's WebCrypto: the key made from the
//! passphrase with PBKDF2-HMAC-SHA256, the file sealed with AES-256-GCM. Everything around
//! the cryptography (the envelope, its bounds, what is authenticated) is in
//! `kindred_core::locked`. The passphrase is only ever an argument here: nothing keeps it.

use js_sys::{Array, Object, Reflect, Uint8Array};
use kindred_core::locked::{self, Envelope, Header, IV_BYTES, SALT_BYTES};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

/// Whether this page may use WebCrypto: browsers offer it only in a secure context (https,
/// or this machine), and then `crypto.subtle` exists.
pub fn available() -> bool {
    let window = leptos::prelude::window();
    window.is_secure_context()
        && window.crypto().ok().is_some_and(|crypto| {
            Reflect::get(&crypto, &"subtle".into()).is_ok_and(|s| !s.is_undefined())
        })
}

/// Bytes from the browser's cryptographic randomness.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    if let Ok(crypto) = leptos::prelude::window().crypto() {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    bytes
}

/// A random number from the browser's cryptographic randomness.
pub fn random_u32() -> u32 {
    u32::from_le_bytes(random_bytes::<4>())
}

fn subtle() -> Result<SubtleCrypto, JsValue> {
    Ok(leptos::prelude::window().crypto()?.subtle())
}

fn object(fields: &[(&str, JsValue)]) -> Result<Object, JsValue> {
    let object = Object::new();
    for (name, value) in fields {
        Reflect::set(&object, &(*name).into(), value)?;
    }
    Ok(object)
}

/// The AES-GCM key the passphrase and the header's salt and rounds make. It cannot be read
/// out of the browser (not extractable), so keeping one in memory keeps no secret in reach.
pub async fn key(passphrase: &str, header: &Header) -> Result<CryptoKey, JsValue> {
    let subtle = subtle()?;
    let secret = Uint8Array::from(locked::passphrase_bytes(passphrase));
    let base = JsFuture::from(subtle.import_key_with_str(
        "raw",
        &secret,
        "PBKDF2",
        false,
        &Array::of1(&"deriveKey".into()),
    )?)
    .await?
    .dyn_into::<CryptoKey>()?;
    let derivation = object(&[
        ("name", "PBKDF2".into()),
        ("hash", "SHA-256".into()),
        ("iterations", header.iterations.into()),
        ("salt", Uint8Array::from(&header.salt[..]).into()),
    ])?;
    let aes = object(&[("name", "AES-GCM".into()), ("length", 256.into())])?;
    JsFuture::from(subtle.derive_key_with_object_and_object(
        &derivation,
        &base,
        &aes,
        false,
        &Array::of2(&"encrypt".into(), &"decrypt".into()),
    )?)
    .await?
    .dyn_into::<CryptoKey>()
}

fn cipher_params(header: &Header) -> Result<Object, JsValue> {
    object(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(&header.iv[..]).into()),
        (
            "additionalData",
            Uint8Array::from(&header.additional_data()[..]).into(),
        ),
        ("tagLength", 128.into()),
    ])
}

/// The locked file of `text` (a share file) under `passphrase`, with a new salt and nonce.
pub async fn lock(passphrase: &str, text: &str) -> Result<String, JsValue> {
    let header = Header::new(random_bytes::<{ SALT_BYTES + IV_BYTES }>());
    let key = key(passphrase, &header).await?;
    seal(&key, header, text).await
}

/// The locked file of `text` under a key already made for `header`'s salt and rounds.
/// `header` must carry a nonce never used with that key.
pub async fn seal(key: &CryptoKey, header: Header, text: &str) -> Result<String, JsValue> {
    let ciphertext = encrypt(key, &header, text).await?;
    Ok(Envelope { header, ciphertext }.text())
}

/// `text` encrypted under `key` (the tag at its end), for an envelope with `header`.
pub async fn encrypt(key: &CryptoKey, header: &Header, text: &str) -> Result<Vec<u8>, JsValue> {
    let sealed = JsFuture::from(subtle()?.encrypt_with_object_and_u8_array(
        &cipher_params(header)?,
        key,
        text.as_bytes(),
    )?)
    .await?;
    Ok(Uint8Array::new(&sealed).to_vec())
}

/// The share file inside `envelope`. `None` when the passphrase is not the one it was
/// locked with, or anything in the file changed since: the cipher cannot tell the two apart,
/// and neither may Kindred.
pub async fn unlock(passphrase: &str, envelope: &Envelope) -> Option<String> {
    let key = key(passphrase, &envelope.header).await.ok()?;
    open_sealed(&key, envelope).await
}

/// What `envelope` holds, under a key already made for its salt and rounds.
pub async fn open_sealed(key: &CryptoKey, envelope: &Envelope) -> Option<String> {
    let opened = JsFuture::from(
        subtle()
            .ok()?
            .decrypt_with_object_and_u8_array(
                &cipher_params(&envelope.header).ok()?,
                key,
                &envelope.ciphertext,
            )
            .ok()?,
    )
    .await
    .ok()?;
    String::from_utf8(Uint8Array::new(&opened).to_vec()).ok()
}
