using System.Buffers.Binary;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace IdentityProvider.Testing.Stories;

/// <summary>
/// A software authenticator playing the browser's part of WebAuthn, as a test needs it: an ECDSA P-256 key (ES256), the
/// client data the browser writes (type, challenge, origin), the authenticator data (the relying party's hash, flags, the
/// signature counter), an attestation object in the "none" format (CBOR), and assertion signatures. Each answer is the
/// JSON a page would post (<c>PublicKeyCredential.toJSON()</c>).
/// </summary>
public sealed class TestPasskey : IDisposable
{
    private const byte UserPresent = 0x01;
    private const byte UserVerified = 0x04;
    private const byte AttestedCredentialData = 0x40;

    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TestPasskey(string origin) => Origin = origin;

    /// <summary>The origin the browser reports (<c>https://id.example.test</c>).</summary>
    public string Origin { get; }

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(16);

    /// <summary>The credential id as the provider lists it (base64url).</summary>
    public string Id => WebEncoders.Base64UrlEncode(CredentialId);

    /// <summary>The signature counter the next answer reports; each answer adds one first.</summary>
    public uint SignCount { get; set; }

    /// <summary>The user handle (the account's id) the creation options named.</summary>
    public string? UserHandle { get; private set; }

    /// <summary>The answer to <c>navigator.credentials.create(options)</c>, from another origin when <paramref name="origin"/> says so.</summary>
    public string Create(string creationOptionsJson, string? origin = null)
    {
        var options = JsonNode.Parse(creationOptionsJson)!;
        var rpId = options["rp"]!["id"]!.GetValue<string>();
        UserHandle = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(options["user"]!["id"]!.GetValue<string>()));
        var clientData = ClientData("webauthn.create", options["challenge"]!.GetValue<string>(), origin ?? Origin);
        var authenticatorData = AuthenticatorData(rpId, (byte)(UserPresent | UserVerified | AttestedCredentialData), AttestedCredential());
        return Credential(new JsonObject
        {
            ["clientDataJSON"] = Encode(clientData),
            ["attestationObject"] = Encode(NoneAttestation(authenticatorData)),
            ["transports"] = new JsonArray("internal"),
        });
    }

    /// <summary>
    /// The answer to <c>navigator.credentials.get(options)</c>, signed with this key; <paramref name="signCount"/> overrides
    /// the counter (a clone's), <paramref name="origin"/> the origin (a phishing page's); <paramref name="userVerified"/>
    /// false is a security key touched without its PIN.
    /// </summary>
    public string Get(string requestOptionsJson, string? origin = null, uint? signCount = null, bool userVerified = true)
    {
        var options = JsonNode.Parse(requestOptionsJson)!;
        var rpId = options["rpId"]!.GetValue<string>();
        var clientData = ClientData("webauthn.get", options["challenge"]!.GetValue<string>(), origin ?? Origin);
        SignCount = signCount ?? SignCount + 1;
        var authenticatorData = AuthenticatorData(rpId, userVerified ? (byte)(UserPresent | UserVerified) : UserPresent, []);
        byte[] signed = [.. authenticatorData, .. SHA256.HashData(clientData)];
        var signature = key.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var response = new JsonObject
        {
            ["clientDataJSON"] = Encode(clientData),
            ["authenticatorData"] = Encode(authenticatorData),
            ["signature"] = Encode(signature),
        };
        if (UserHandle is not null)
        {
            response["userHandle"] = Encode(Encoding.UTF8.GetBytes(UserHandle));
        }

        return Credential(response);
    }

    public void Dispose() => key.Dispose();

    private string Credential(JsonObject response) => new JsonObject
    {
        ["id"] = Id,
        ["rawId"] = Id,
        ["type"] = "public-key",
        ["response"] = response,
        ["clientExtensionResults"] = new JsonObject(),
        ["authenticatorAttachment"] = "platform",
    }.ToJsonString();

    private static byte[] ClientData(string type, string challenge, string origin) =>
        JsonSerializer.SerializeToUtf8Bytes(new { type, challenge, origin, crossOrigin = false });

    private byte[] AuthenticatorData(string rpId, byte flags, byte[] attested)
    {
        var counter = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, SignCount);
        return [.. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), flags, .. counter, .. attested];
    }

    /// <summary>AAGUID (zeros: unknown), the credential id's length and id, the public key as COSE (EC2, ES256, P-256).</summary>
    private byte[] AttestedCredential()
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        var cose = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cose.WriteStartMap(5);
        cose.WriteInt32(1);
        cose.WriteInt32(2);
        cose.WriteInt32(3);
        cose.WriteInt32(-7);
        cose.WriteInt32(-1);
        cose.WriteInt32(1);
        cose.WriteInt32(-2);
        cose.WriteByteString(parameters.Q.X!);
        cose.WriteInt32(-3);
        cose.WriteByteString(parameters.Q.Y!);
        cose.WriteEndMap();
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)CredentialId.Length);
        return [.. new byte[16], .. length, .. CredentialId, .. cose.Encode()];
    }

    private static byte[] NoneAttestation(byte[] authenticatorData)
    {
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        writer.WriteStartMap(3);
        writer.WriteTextString("fmt");
        writer.WriteTextString("none");
        writer.WriteTextString("attStmt");
        writer.WriteStartMap(0);
        writer.WriteEndMap();
        writer.WriteTextString("authData");
        writer.WriteByteString(authenticatorData);
        writer.WriteEndMap();
        return writer.Encode();
    }

    private static string Encode(byte[] bytes) => WebEncoders.Base64UrlEncode(bytes);
}
