using IdentityProvider.Localization;

namespace IdentityProvider.Clients;

/// <summary>An API scope clients and personal access tokens may request; the consent page shows its description.</summary>
public sealed record ScopeRegistration(string Name, string DisplayName, string Description)
{
    public const int MaxNameLength = 100;
    public const int MaxDisplayNameLength = 200;
    public const int MaxDescriptionLength = 1000;

    /// <summary>Every problem, each with its field (the property name).</summary>
    public IReadOnlyList<FieldProblem> Problems()
    {
        var problems = new List<FieldProblem>();
        if (TextRules.Identifier(Name, "ScopeName", MaxNameLength) is { } name)
        {
            problems.Add(new(nameof(Name), name));
        }
        else if (StandardScopes.All.Contains(Name))
        {
            problems.Add(new(nameof(Name), new Sentence("Scopes.Standard", Name)));
        }
        else if (StandardScopes.NotServed.Contains(Name))
        {
            problems.Add(new(nameof(Name), new Sentence("Scopes.NotServed", Name)));
        }

        if (TextRules.Text(DisplayName, "ScopeDisplayName", MaxDisplayNameLength) is { } displayName)
        {
            problems.Add(new(nameof(DisplayName), displayName));
        }

        if (TextRules.Text(Description, "ScopeDescription", MaxDescriptionLength, required: false) is { } description)
        {
            problems.Add(new(nameof(Description), description));
        }

        return problems;
    }
}
