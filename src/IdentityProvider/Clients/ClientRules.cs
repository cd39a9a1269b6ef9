using System.Net;
using IdentityProvider.Localization;

namespace IdentityProvider.Clients;

/// <summary>What a client registration must satisfy before OpenIddict (which validates too) sees it; a message per problem.</summary>
public static class ClientRules
{
    public const int MaxClientIdLength = 100;
    public const int MaxDisplayNameLength = 200;
    public const int MaxUris = 20;
    public const int MaxUriLength = 2000;

    /// <summary>Every problem of <paramref name="client"/>, each with the field it concerns (the registration's property name).</summary>
    /// <param name="knownScopes">The standard scopes and the registered ones (<see cref="StandardScopes.NotServed"/> is refused whatever it holds).</param>
    public static IReadOnlyList<FieldProblem> Problems(ClientRegistration client, IReadOnlySet<string> knownScopes)
    {
        var problems = new List<FieldProblem>();
        void Check(string field, Sentence? message)
        {
            if (message is not null)
            {
                problems.Add(new(field, message));
            }
        }

        Check(nameof(client.ClientId), TextRules.Identifier(client.ClientId, "ClientId", MaxClientIdLength));
        Check(nameof(client.DisplayName), TextRules.Text(client.DisplayName, "ClientDisplayName", MaxDisplayNameLength));
        Check(nameof(client.Type), client.Type is ClientRegistration.Confidential or ClientRegistration.Public
            ? null : new Sentence("Clients.Type.Invalid"));
        Check(nameof(client.ConsentType), client.ConsentType is ClientRegistration.Implicit or ClientRegistration.Explicit
            ? null : new Sentence("Clients.ConsentType.Invalid"));

        problems.AddRange(UriProblems(client.RedirectUris, nameof(client.RedirectUris), new Sentence("Clients.RedirectUri")));
        problems.AddRange(UriProblems(client.PostLogoutRedirectUris, nameof(client.PostLogoutRedirectUris), new Sentence("Clients.PostLogoutRedirectUri")));

        foreach (var grantType in client.GrantTypes.Where(grantType => !ClientGrantTypes.All.Contains(grantType)))
        {
            Check(nameof(client.GrantTypes), new Sentence("Clients.GrantType.Unknown", Shown(grantType), string.Join(", ", ClientGrantTypes.All)));
        }

        Check(nameof(client.GrantTypes), client.GrantTypes.Count == 0 ? new Sentence("Clients.GrantType.None") : null);
        var signsIn = client.GrantTypes.Contains(ClientGrantTypes.AuthorizationCode);
        Check(nameof(client.RedirectUris), signsIn && client.RedirectUris.Count == 0 ? new Sentence("Clients.RedirectUri.Needed") : null);
        Check(nameof(client.GrantTypes), client.GrantTypes.Contains(ClientGrantTypes.ClientCredentials) && client.Type == ClientRegistration.Public
            ? new Sentence("Clients.ClientCredentials.Public") : null);

        foreach (var scope in client.Scopes)
        {
            // Note: a standard scope the provider does not serve is refused even if an older seeding registered it.
            Check(nameof(client.Scopes), StandardScopes.Refusal(scope) ?? (knownScopes.Contains(scope)
                ? null : new Sentence("Clients.Scope.Unknown", Shown(scope))));
        }

        return problems;
    }

    /// <summary>A message per bad entry: absolute, https (http only on loopback), no fragment, no duplicates.</summary>
    private static IEnumerable<FieldProblem> UriProblems(IReadOnlyList<string> uris, string field, Sentence label)
    {
        if (uris.Count > MaxUris)
        {
            yield return new(field, new Sentence($"Clients.{field}.TooMany", MaxUris));
            yield break;
        }

        foreach (var raw in uris)
        {
            var problem = UriProblem(raw);
            if (problem is not null)
            {
                yield return new(field, new Sentence("Clients.Uri.Problem", label, Shown(raw), problem));
            }
        }

        foreach (var duplicate in uris.GroupBy(uri => uri, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            yield return new(field, new Sentence("Clients.Uri.Twice", label, Shown(duplicate.Key)));
        }
    }

    private static Sentence? UriProblem(string raw)
    {
        if (raw.Length > MaxUriLength || raw.Any(char.IsControl) || raw.Any(char.IsWhiteSpace))
        {
            return new Sentence("Clients.Uri.TooLong", MaxUriLength);
        }

        if (!Uri.TryCreate(raw, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc)
        {
            return new Sentence("Clients.Uri.NotAbsolute");
        }

        if (uri.Fragment.Length > 0 || raw.Contains('#'))
        {
            return new Sentence("Clients.Uri.Fragment");
        }

        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        // Note: plain http only where nothing crosses a network: a native app's loopback listener (RFC 8252 §7.3).
        return uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)
            ? null
            : new Sentence("Clients.Uri.Https");
    }

    private static bool IsLoopback(Uri uri) =>
        uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && (address.Equals(IPAddress.Loopback) || address.Equals(IPAddress.IPv6Loopback)));

    /// <summary>An entry as a message may quote it: control characters replaced, long ones cut.</summary>
    internal static string Shown(string value)
    {
        var printable = new string([.. value.Select(character => char.IsControl(character) ? '?' : character)]);
        return printable.Length > 80 ? printable[..80] + "…" : printable;
    }
}
