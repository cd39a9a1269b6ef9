using IdentityProvider.Settings;

namespace IdentityProvider.Email;

/// <summary>
/// The address mails name and link to: <c>Server:Issuer</c> when set (behind a proxy), else the address the
/// current request came to, as the issuer itself is chosen.
/// </summary>
public sealed class ProviderAddress(ProviderSettings settings, IHttpContextAccessor httpContextAccessor)
{
    public Uri Base
    {
        get
        {
            if (settings.Server.Issuer is { } issuer)
            {
                return issuer.AbsoluteUri.EndsWith('/') ? issuer : new Uri(issuer.AbsoluteUri + "/");
            }

            var request = httpContextAccessor.HttpContext?.Request;
            return request is null ? new Uri("http://localhost/") : new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        }
    }

    /// <summary>An absolute link to <paramref name="pathAndQuery"/> (which starts with a slash).</summary>
    public Uri Link(string pathAndQuery) => new(Base, pathAndQuery.TrimStart('/'));
}
