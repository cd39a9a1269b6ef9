using System.Text;

namespace IdentityProvider.Testing.Pages;

/// <summary>
/// A hand-made request to a protocol endpoint or the admin API, and what it must get: one of
/// <paramref name="Statuses"/> (and <paramref name="OAuthError"/> for the protocol's JSON errors). Only
/// <paramref name="MayChange"/> rows may store something (harmless text, sent back only as JSON that no browser renders).
/// </summary>
/// <param name="AsAdmin">Sent with the admin API's bearer token (else anonymous).</param>
public sealed record EndpointAttack(
    string Name,
    string Method,
    string Path,
    string? ContentType,
    byte[] Body,
    bool AsAdmin,
    int[] Statuses,
    string? OAuthError = null,
    bool MayChange = false)
{
    public override string ToString() => Name;
}

/// <summary>The protocol endpoints and the admin API against hostile requests, for the hostile-input suite.</summary>
public static class HostileEndpoints
{
    public const string Token = "/connect/token";
    public const string Authorize = "/connect/authorize";
    public const string Introspect = "/connect/introspect";
    public const string Revoke = "/connect/revoke";
    public const string UserInfo = "/connect/userinfo";
    public const string EndSession = "/connect/endsession";
    public const string Discovery = "/.well-known/openid-configuration";
    public const string Jwks = "/.well-known/jwks";
    public const string Users = "/api/admin/users";
    public const string Clients = "/api/admin/clients";
    public const string Scopes = "/api/admin/scopes";
    public const string HardwareTokens = "/api/admin/hardware-tokens";
    public const string Policy = "/api/admin/policy";

    private const string FormType = "application/x-www-form-urlencoded";
    private const string JsonType = "application/json";
    private const string Credentials = "client_id=service&client_secret=service-client-secret-value";

    private static readonly int[] BadRequest = [400];
    private static readonly int[] OkOrBadRequest = [200, 400];
    private static readonly int[] BadRequestOrUnauthorized = [400, 401];
    private static readonly int[] TooLarge = [400, 413];
    private static readonly int[] Unsupported = [415];

    /// <summary>A billion-laughs PSKC file: nine levels of ten entities, a gigabyte if expanded.</summary>
    public static readonly string XmlBomb =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE KeyContainer [\n<!ENTITY l0 \"lol\">\n"
        + string.Concat(Enumerable.Range(1, 9).Select(level => $"<!ENTITY l{level} \"{string.Concat(Enumerable.Repeat($"&l{level - 1};", 10))}\">\n"))
        + "]>\n" + Container("&l9;");

    /// <summary>A PSKC file whose serial is an external entity: the server's /etc/passwd, if entities were resolved.</summary>
    public static readonly string ExternalEntity =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE KeyContainer [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" + Container("&xxe;");

    public static readonly IReadOnlyList<EndpointAttack> All =
    [
        // Protocol endpoints: the OAuth error, never a 500.
        Form("token: grant_type twice", Token, "grant_type=client_credentials&grant_type=authorization_code&" + Credentials, BadRequest, "invalid_request"),
        Form("token: client_id twice", Token, "grant_type=client_credentials&client_id=service&client_id=web&client_secret=x", BadRequest, "invalid_request"),
        Form("token: no grant_type", Token, Credentials, BadRequest, "invalid_request"),
        Json("token: JSON body", Token, "{\"grant_type\":\"client_credentials\",\"client_id\":\"service\"}", BadRequest, "invalid_request"),
        Raw("token: raw invalid UTF-8", Token, FormType, "grant_type=client_credentials&client_id=ab\u00C3(cd&client_secret=x", BadRequestOrUnauthorized),
        Form("token: %C3%28 in client_id", Token, "grant_type=client_credentials&client_id=ab%C3%28cd&client_secret=x", BadRequestOrUnauthorized),
        Form("token: 100,000-character secret", Token, "grant_type=client_credentials&client_id=service&client_secret=" + new string('s', 100_000),
            BadRequestOrUnauthorized),
        Form("token: PAT grant, token twice", Token, "grant_type=urn:identityprovider:grant-type:personal_access_token&client_id=cli&token=a&token=b",
            BadRequest, "invalid_request"),
        Form("introspect: token twice", Introspect, "token=a&token=b&" + Credentials, BadRequest, "invalid_request"),
        Json("introspect: JSON body", Introspect, "{\"token\":\"a\"}", BadRequest, "invalid_request"),
        Form("revoke: token twice", Revoke, "token=a&token=b&" + Credentials, BadRequest, "invalid_request"),
        Json("revoke: JSON body", Revoke, "{\"token\":\"a\"}", BadRequest, "invalid_request"),
        Form("userinfo: access_token twice", UserInfo, "access_token=a&access_token=b", BadRequestOrUnauthorized),
        Json("userinfo: JSON body", UserInfo, "{\"access_token\":\"a\"}", BadRequestOrUnauthorized),
        Get("authorize: client_id twice", Authorize + "?client_id=web&client_id=spa&response_type=code&scope=openid&redirect_uri=https%3A%2F%2Frp.example%2Fsignin-oidc",
            BadRequest),
        Get("authorize: response_type twice", Authorize + "?client_id=web&response_type=code&response_type=token&scope=openid&redirect_uri=https%3A%2F%2Frp.example%2Fsignin-oidc",
            BadRequest),
        Get("authorize: %C3%28 in client_id", Authorize + "?client_id=ab%C3%28cd&response_type=code&scope=openid", BadRequest),
        // Without a session the end-session endpoint has nothing to do: the signed-out page, never a redirect.
        Get("endsession: client_id twice", EndSession + "?client_id=web&client_id=spa", OkOrBadRequest),
        Get("endsession: post_logout_redirect_uri twice", EndSession + "?post_logout_redirect_uri=https%3A%2F%2Frp.example%2Fsigned-out&post_logout_redirect_uri=https%3A%2F%2Fevil.example", OkOrBadRequest),

        // The admin API: a problem document, never a 500, nothing stored.
        Admin("users: a form instead of JSON", "POST", Users, FormType, "email=form%40example.com&name=Form", Unsupported),
        Admin("users: text/plain", "POST", Users, "text/plain", "{\"email\":\"plain@example.com\",\"name\":\"Plain\"}", Unsupported),
        Admin("users: malformed JSON", "POST", Users, JsonType, "{\"email\":\"broken@example.com\",\"name\":", BadRequest),
        AdminRaw("users: raw invalid UTF-8 in JSON", "POST", Users, "{\"email\":\"utf@example.com\",\"name\":\"ab\u00C3(cd\"}", BadRequest),
        Admin("users: control characters in the name", "POST", Users, JsonType, "{\"email\":\"bel@example.com\",\"name\":\"ab\\u0007\\u001b[31m\\ncd\"}", BadRequest),
        Admin("users: bidi override in the name", "POST", Users, JsonType, "{\"email\":\"bidi@example.com\",\"name\":\"Admin\\u202eexe.gpj\"}", BadRequest),
        Admin("users: zero-width name", "POST", Users, JsonType, "{\"email\":\"zw@example.com\",\"name\":\"\\u200b\\u200d\\ufeff\"}", BadRequest),
        Admin("users: NUL in the name", "POST", Users, JsonType, "{\"email\":\"nul@example.com\",\"name\":\"ab\\u0000cd\"}", BadRequest),
        Admin("users: 100,000-character e-mail", "POST", Users, JsonType, $"{{\"email\":\"{new string('a', 100_000)}@example.com\",\"name\":\"Long\"}}", BadRequest),
        Admin("users: 5 MB name", "POST", Users, JsonType, $"{{\"email\":\"big@example.com\",\"name\":\"{new string('a', 5 * 1024 * 1024)}\"}}", TooLarge),
        Admin("users: markup in the name (stored, escaped in JSON)", "POST", Users, JsonType,
            "{\"email\":\"markup-" + HostileTargets.Unique + "@example.com\",\"name\":\"<script>alert(1)</script><img src=x onerror=alert(2)>\"}", [201], mayChange: true),
        Admin("users: SQL in the search", "GET", Users + "?search=x'%20OR%20'1'%3D'1'%3B%20DROP%20TABLE%20%22AspNetUsers%22%3B--", null, "", [200]),
        Admin("users: BEL in the id", "GET", Users + "/abc%07def", null, "", [400, 404]),
        Admin("users: bidi override in a changed name", "PATCH", Users + "/" + HostileTargets.VictimId, JsonType, "{\"name\":\"Victim\\u202eexe.gpj\"}", BadRequest),
        Admin("clients: control characters in the display name", "POST", Clients, JsonType,
            "{\"clientId\":\"c-" + HostileTargets.Unique + "\",\"displayName\":\"ab\\u0007cd\",\"type\":\"confidential\",\"grantTypes\":[\"client_credentials\"],\"scopes\":[\"api\"]}",
            BadRequest),
        Admin("clients: javascript: redirect URI", "POST", Clients, JsonType,
            "{\"clientId\":\"c-" + HostileTargets.Unique + "\",\"displayName\":\"JS\",\"type\":\"public\",\"redirectUris\":[\"javascript:alert(1)\"],\"grantTypes\":[\"authorization_code\"],\"scopes\":[\"openid\"]}",
            BadRequest),
        Admin("clients: NUL in the client id", "POST", Clients, JsonType,
            "{\"clientId\":\"c\\u0000x\",\"displayName\":\"Nul\",\"type\":\"confidential\",\"grantTypes\":[\"client_credentials\"],\"scopes\":[\"api\"]}", BadRequest),
        Admin("scopes: SQL as the name", "POST", Scopes, JsonType, "{\"name\":\"x' OR '1'='1\",\"displayName\":\"S\",\"description\":\"S\"}", BadRequest),
        Admin("scopes: bidi override in the display name", "POST", Scopes, JsonType,
            "{\"name\":\"s" + HostileTargets.Unique + "\",\"displayName\":\"S\\u202ex\",\"description\":\"S\"}", BadRequest),
        Admin("hardware tokens: control characters in the serial", "POST", HardwareTokens, JsonType,
            "{\"serial\":\"SN\\u0007\\u001b\",\"seed\":\"3132333435363738393031323334353637383930\"}", BadRequest),
        Admin("hardware tokens: bidi override in the model", "POST", HardwareTokens, JsonType,
            "{\"serial\":\"SN" + HostileTargets.Unique + "\",\"model\":\"Key\\u202egpj\",\"seed\":\"3132333435363738393031323334353637383930\"}", BadRequest),
        Admin("hardware tokens: NUL in the serial", "POST", HardwareTokens, JsonType,
            "{\"serial\":\"SN\\u0000x\",\"seed\":\"3132333435363738393031323334353637383930\"}", BadRequest),
        Admin("hardware tokens: 100,000-character code to identify", "POST", HardwareTokens + "/identify", JsonType, $"{{\"code\":\"{new string('1', 100_000)}\"}}",
            BadRequest),
        Admin("hardware tokens: ESC in the serial of the path", "GET", HardwareTokens + "/SN%1Bx", null, "", [400, 404]),
        Admin("import: JSON instead of a seed file", "POST", HardwareTokens + "/import", JsonType, "{\"serial\":\"x\"}", Unsupported),
        Admin("import: PSKC billion laughs", "POST", HardwareTokens + "/import", "application/pskc+xml", XmlBomb, BadRequest),
        Admin("import: PSKC external entity (XXE)", "POST", HardwareTokens + "/import", "application/pskc+xml", ExternalEntity, BadRequest),
        // Within the import's 16 MB: the line is rejected with its reason, nothing added.
        Admin("import: 5 MB CSV line", "POST", HardwareTokens + "/import", "text/csv", "serial,seed_hex,type,digits,period_or_counter\n" + new string('a', 5 * 1024 * 1024),
            [200]),
        // Over the import's 16 MB: Kestrel answers 413 before reading it; the in-memory test server does not enforce
        // the limit, and the reader refuses it (400). Either way nothing is imported.
        Admin("import: 17 MB file", "POST", HardwareTokens + "/import", "text/csv", new string('a', 17 * 1024 * 1024), TooLarge),
        Admin("policy: a form instead of JSON", "PUT", Policy, FormType, "lockoutThreshold=1", Unsupported),
        Admin("policy: malformed JSON", "PUT", Policy, JsonType, "{\"policy\":{\"lockoutThreshold\":", BadRequest),
    ];

    public static EndpointAttack Named(string name) => All.Single(attack => attack.Name == name);

    private static string Container(string serial) =>
        "<KeyContainer Version=\"1.0\" xmlns=\"urn:ietf:params:xml:ns:keyprov:pskc\"><KeyPackage><DeviceInfo><SerialNo>" + serial
        + "</SerialNo></DeviceInfo><Key Id=\"1\" Algorithm=\"urn:ietf:params:xml:ns:keyprov:pskc:hotp\"><Data><Secret><PlainValue>MTIzNDU2Nzg5MDEyMzQ1Njc4OTA=</PlainValue></Secret>"
        + "<Counter><PlainValue>0</PlainValue></Counter></Data></Key></KeyPackage></KeyContainer>";

    private static EndpointAttack Form(string name, string path, string body, int[] statuses, string? error = null) =>
        new(name, "POST", path, FormType, Encoding.ASCII.GetBytes(body), false, statuses, error);

    private static EndpointAttack Json(string name, string path, string body, int[] statuses, string? error = null) =>
        new(name, "POST", path, JsonType, Encoding.UTF8.GetBytes(body), false, statuses, error);

    /// <summary>A body whose characters U+0080 to U+00FF are sent as single bytes (so "\u00C3(" is the invalid UTF-8 pair C3 28).</summary>
    private static EndpointAttack Raw(string name, string path, string contentType, string body, int[] statuses) =>
        new(name, "POST", path, contentType, Encoding.Latin1.GetBytes(body), false, statuses);

    private static EndpointAttack Get(string name, string pathAndQuery, int[] statuses) => new(name, "GET", pathAndQuery, null, [], false, statuses);

    private static EndpointAttack Admin(string name, string method, string path, string? contentType, string body, int[] statuses, bool mayChange = false) =>
        new(name, method, path, contentType, Encoding.UTF8.GetBytes(body), true, statuses, null, mayChange);

    private static EndpointAttack AdminRaw(string name, string method, string path, string body, int[] statuses) =>
        new(name, method, path, JsonType, Encoding.Latin1.GetBytes(body), true, statuses);
}
