using System.Globalization;
using IdentityProvider.Localization;
using IdentityProvider.Users;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Pages.Account;

/// <summary>What a password page answers when <see cref="SignInThrottle"/> makes the address wait.</summary>
internal static class ThrottledAttempt
{
    /// <summary>Sets <c>Retry-After</c> and returns the message for the page.</summary>
    public static string Answer(HttpResponse response, SignInAttempt attempt, IStringLocalizer<AccountText> text)
    {
        var seconds = (int)Math.Ceiling(attempt.RetryAfter.TotalSeconds);
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return text["Throttle.Wait", seconds];
    }
}
