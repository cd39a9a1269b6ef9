using IdentityProvider.Localization;
namespace IdentityProvider.Admin;

/// <summary>The outcome of a change to a client or a scope, with each problem's field (property name) and message.</summary>
/// <param name="Secret">A confidential client's new secret, to show once; never stored or logged in plain.</param>
public sealed record RegistryChangeResult(RegistryChange Outcome, IReadOnlyList<(string Field, Sentence Message)> Problems, string? Secret = null)
{
    public static RegistryChangeResult Saved { get; } = new(RegistryChange.Saved, []);

    public static RegistryChangeResult NotFound { get; } = new(RegistryChange.NotFound, []);

    public static RegistryChangeResult Invalid(IReadOnlyList<(string Field, Sentence Message)> problems) => new(RegistryChange.Invalid, problems);

    public static RegistryChangeResult Conflict(string field, Sentence message) => new(RegistryChange.Conflict, [(field, message)]);

    /// <summary>The problems' messages in one line.</summary>
    public string Message => string.Join(" ", Problems.Select(problem => problem.Message.English));
}
