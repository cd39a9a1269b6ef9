using System.Net;

namespace IdentityProvider.Testing.Stories;

/// <summary>What every answer to hostile input must (not) be, whichever form or endpoint gave it.</summary>
public static class HostileAnswers
{
    /// <summary>Texts that only a leaked exception or database error would put into an answer.</summary>
    private static readonly string[] LeakMarkers =
        ["   at ", "Exception:", "Npgsql", "SQLSTATE", "syntax error at", "PostgresException", "SqliteException", "Microsoft.EntityFrameworkCore"];

    /// <summary>Not a 5xx, and neither a stack trace nor a database error in the body.</summary>
    public static void AssertNoServerErrorNorLeak(HttpStatusCode status, string body)
    {
        Xunit.Assert.True((int)status < 500, $"Answered {(int)status}: {Excerpt(body)}");
        foreach (var marker in LeakMarkers)
        {
            Xunit.Assert.False(body.Contains(marker, StringComparison.Ordinal), $"The answer shows '{marker}': {Excerpt(body)}");
        }
    }

    /// <summary>The markup of <see cref="HostileForms.HtmlPayload"/> did not become elements of the page.</summary>
    public static void AssertNoMarkupInjected(ProviderPage page)
    {
        Xunit.Assert.DoesNotContain(HostileForms.HtmlPayload, page.Body, StringComparison.Ordinal);
        Xunit.Assert.Empty(page.Document.QuerySelectorAll("script:not([src]), img[onerror], [onerror]"));
    }

    /// <summary>A refusal a person or client can read: a 4xx, or the provider's page with a message.</summary>
    public static bool IsClearRefusal(ProviderPage page) =>
        (int)page.Status is >= 400 and < 500
        || page.Document.QuerySelectorAll("[role=alert], .field-validation-error, #link-invalid, #sign-in-error")
            .Any(element => element.TextContent.Trim().Length > 0);

    public static string Excerpt(string body) => body.Length <= 600 ? body : body[..600] + "…";
}
