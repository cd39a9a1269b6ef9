using Microsoft.AspNetCore.WebUtilities;

namespace IdentityProvider.ConformanceTests;

/// <summary>A request the browser made to the suite's redirect or post-logout address: how it came and what it carried.</summary>
public sealed record Callback(string Method, Uri Url, string? ContentType, string? Body)
{
    public IReadOnlyDictionary<string, string> Query { get; } =
        QueryHelpers.ParseQuery(Url.Query).ToDictionary(pair => pair.Key, pair => pair.Value.ToString());

    public IReadOnlyDictionary<string, string> Form { get; } =
        QueryHelpers.ParseQuery(Body ?? "").ToDictionary(pair => pair.Key, pair => pair.Value.ToString());

    /// <summary>The address without its query: which of the suite's addresses was called.</summary>
    public string Address => Url.GetLeftPart(UriPartial.Path);
}
