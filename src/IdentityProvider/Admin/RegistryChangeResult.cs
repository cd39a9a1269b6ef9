using IdentityProvider.Localization;
namespace IdentityProvider.Admin;

/// <summary>The outcome of a change to a client or a scope, with each problem's field (property name) and message.</summary>
/// <param name="Secret">A confidential client's new secret, to show once; never stored or logged in plain.</param>
public sealed record RegistryChangeResult(RegistryChange Outcome, IReadOnlyList<FieldProblem> Problems, string? Secret = null)
{
    public static RegistryChangeResult Saved { get; } = new(RegistryChange.Saved, []);

    public static RegistryChangeResult NotFound { get; } = new(RegistryChange.NotFound, []);

    public static RegistryChangeResult Invalid(IReadOnlyList<FieldProblem> problems) => new(RegistryChange.Invalid, problems);

    public static RegistryChangeResult Conflict(string field, Sentence message) => new(RegistryChange.Conflict, [new(field, message)]);

    /// <summary>What a conflict says (its one problem).</summary>
    public Sentence Message => Problems[0].Message;
}
