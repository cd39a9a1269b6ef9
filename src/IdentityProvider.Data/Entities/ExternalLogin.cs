namespace IdentityProvider.Data.Entities;

/// <summary>
/// An account at an upstream identity provider linked to a local user: the upstream's issuer and subject name the
/// person there. Warning: a link is made only by a sign-in that proved the local account (its password) or created it,
/// never by a matching e-mail address alone.
/// </summary>
public sealed class ExternalLogin
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>The configured provider (<c>ExternalProviders:N:Id</c>) the link was made through.</summary>
    public string ProviderId { get; set; } = "";

    /// <summary>The upstream's issuer, as its tokens say.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>The person's identifier at the upstream (<c>sub</c>).</summary>
    public string Subject { get; set; } = "";

    /// <summary>The e-mail address the upstream gave when the link was made (shown on the account page).</summary>
    public string? Email { get; set; }

    public DateTimeOffset LinkedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }
}
