namespace Parcours.People.Vault;

/// <summary>
/// Text encrypted with one person's data key (AES-GCM; base64 of nonce, tag and ciphertext).
/// Events and views carry this instead of clear text; once the key is destroyed it is noise.
/// </summary>
public sealed record EncryptedText(string Cipher);
