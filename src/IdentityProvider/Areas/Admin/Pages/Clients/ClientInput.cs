using System.ComponentModel.DataAnnotations;
using IdentityProvider.Clients;

namespace IdentityProvider.Areas.Admin.Pages.Clients;

/// <summary>The client form of the create and edit pages; URIs one per line.</summary>
public sealed class ClientInput
{
    [Display(Name = "Clients.Field.ClientId")]
    public string? ClientId { get; set; }

    [Display(Name = "Common.DisplayName")]
    public string? DisplayName { get; set; }

    public string Type { get; set; } = ClientRegistration.Confidential;

    [Display(Name = "Clients.Field.RedirectUris")]
    public string? RedirectUris { get; set; }

    [Display(Name = "Clients.Field.PostLogoutRedirectUris")]
    public string? PostLogoutRedirectUris { get; set; }

    /// <summary>Empty unless posted: a form with every box unchecked posts nothing, which must mean none.</summary>
    public List<string> GrantTypes { get; set; } = [];

    public List<string> Scopes { get; set; } = [];

    public string ConsentType { get; set; } = ClientRegistration.Implicit;

    /// <summary>False unless posted: an unchecked box posts nothing.</summary>
    public bool RefusesImpersonation { get; set; }

    /// <summary>What the create form starts with: a confidential web site signing users in.</summary>
    public static ClientInput Suggested() => new()
    {
        GrantTypes = [ClientGrantTypes.AuthorizationCode, ClientGrantTypes.RefreshToken],
        Scopes = ["openid", "profile", "email"],
    };

    public static ClientInput From(ClientRegistration client) => new()
    {
        ClientId = client.ClientId,
        DisplayName = client.DisplayName,
        Type = client.Type,
        RedirectUris = string.Join('\n', client.RedirectUris),
        PostLogoutRedirectUris = string.Join('\n', client.PostLogoutRedirectUris),
        GrantTypes = [.. client.GrantTypes],
        Scopes = [.. client.Scopes],
        ConsentType = client.ConsentType,
        RefusesImpersonation = client.RefusesImpersonation,
    };

    public ClientRegistration ToRegistration() => new(
        ClientId?.Trim() ?? "",
        DisplayName?.Trim() ?? "",
        Type,
        Lines(RedirectUris),
        Lines(PostLogoutRedirectUris),
        [.. GrantTypes.Distinct()],
        [.. Scopes.Distinct()],
        ConsentType,
        RefusesImpersonation);

    private static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
