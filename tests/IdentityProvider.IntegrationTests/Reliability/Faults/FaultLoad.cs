using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Reliability.Faults;

/// <summary>One request (or one sign-in of several requests) of a fault test's load, as the client saw it.</summary>
/// <param name="Kind">What was tried: "sign-in" or "pat".</param>
/// <param name="Started">When it began, on the load's stopwatch.</param>
/// <param name="Ended">When its last answer arrived (or it failed).</param>
/// <param name="Succeeded">Whether it got what a working provider gives: the account page, an access token.</param>
/// <param name="Status">The status of the last answer; null when no answer came (connection refused or reset).</param>
/// <param name="Body">The body of the last answer, to check for stack traces.</param>
/// <param name="Browser">For a sign-in, the browser's cookie jar, to check afterwards that no session came of it.</param>
public sealed record LoadResult(
    string Kind, TimeSpan Started, TimeSpan Ended, bool Succeeded, HttpStatusCode? Status, string Body, ProviderClient? Browser)
{
    public override string ToString()
    {
        var text = string.Join(' ', Body.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(line => line.Trim()));
        return $"{Kind} {Started.TotalMilliseconds:0}–{Ended.TotalMilliseconds:0} ms: " +
            (Succeeded ? "ok" : $"{Status?.ToString() ?? "no answer"} {text[..Math.Min(text.Length, 300)]}");
    }
}

/// <summary>The steps of a fault test's load: a password-and-OTP sign-in and a personal access token exchange, each timed.</summary>
public static class FaultLoad
{
    /// <summary>Signs in at the sign-in page with the password and an HOTP code in a new browser; ends on the account page when it works.</summary>
    public static async Task<LoadResult> SignInAsync(Func<ProviderClient> newBrowser, Stopwatch clock, TestUser user, string code)
    {
        var started = clock.Elapsed;
        var browser = newBrowser();
        try
        {
            var page = await browser.GetAsync(LoginPage.Path);
            if (page.Is<LoginPage>())
            {
                page = await LoginPage.Create(page).SignInAsync(user.Email, user.Password);
                if (page.Is<TwoStepPage>())
                {
                    page = await TwoStepPage.Create(page).SubmitCodeAsync(code);
                }
            }

            return new LoadResult("sign-in", started, clock.Elapsed, page.Is<ManagePage>(), page.Status, page.Body, browser);
        }
        catch (HttpRequestException error)
        {
            return new LoadResult("sign-in", started, clock.Elapsed, false, null, error.Message, browser);
        }
    }

    /// <summary>Exchanges a personal access token at the token endpoint as a script does; succeeds with an access token.</summary>
    public static async Task<LoadResult> ExchangeAsync(HttpClient http, Stopwatch clock, string token, string clientId)
    {
        var started = clock.Elapsed;
        try
        {
            using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = PersonalAccessTokenProtocol.GrantType,
                [PersonalAccessTokenProtocol.TokenParameter] = token,
                ["client_id"] = clientId,
            }));
            var body = await response.Content.ReadAsStringAsync();
            var succeeded = response.StatusCode == HttpStatusCode.OK && body.Contains("\"access_token\"", StringComparison.Ordinal);
            return new LoadResult("pat", started, clock.Elapsed, succeeded, response.StatusCode, body, null);
        }
        catch (HttpRequestException error)
        {
            return new LoadResult("pat", started, clock.Elapsed, false, null, error.Message, null);
        }
    }

    /// <summary>Runs <paramref name="step"/> over and over until <paramref name="stop"/>, adding every result to <paramref name="results"/>.</summary>
    public static async Task LoopAsync(Func<Task<LoadResult>> step, ConcurrentQueue<LoadResult> results, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            results.Enqueue(await step());
        }
    }

    /// <summary>Whether an answer shows a stack trace or an exception's name: never in a response body.</summary>
    public static bool ShowsStackTrace(LoadResult result) =>
        result.Status is not null && (result.Body.Contains("   at ", StringComparison.Ordinal) || result.Body.Contains("Exception", StringComparison.Ordinal));
}
