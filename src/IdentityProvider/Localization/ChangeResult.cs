namespace IdentityProvider.Localization;

/// <summary>How a change a person asked for ended.</summary>
public enum ChangeOutcome
{
    Done,

    /// <summary>A field is not valid (the problems name it): nothing was written.</summary>
    Invalid,

    /// <summary>What was to change does not exist: nothing was written.</summary>
    NotFound,

    /// <summary>Valid, but refused in the current state (a taken name, the last administrator, changed meanwhile): nothing was written.</summary>
    Conflict,

    /// <summary>Valid, but beyond the rights of the one acting (a user-manager changing an administrator): nothing was written.</summary>
    Forbidden,
}

/// <summary>
/// What a change came to, for the pages (each problem on its field, <see cref="ModelStateProblems"/>) and the admin API
/// (404, 400, 403 or 409 with the problems in English) alike. A refusal is made once (<see cref="Invalid(IReadOnlyList{FieldProblem})"/>…)
/// and becomes the result of any change, with or without a value.
/// </summary>
public record ChangeResult(ChangeOutcome Outcome, IReadOnlyList<FieldProblem> Problems)
{
    public bool Succeeded => Outcome == ChangeOutcome.Done;

    /// <summary>The first problem's message: what a conflict says (none when done).</summary>
    public Sentence? Message => Problems.Count > 0 ? Problems[0].Message : null;

    public static ChangeResult Done() => new(ChangeOutcome.Done, []);

    public static ChangeResult<TValue> Done<TValue>(TValue? value) => new(ChangeOutcome.Done, [], value);

    public static Refusal NotFound() => new(ChangeOutcome.NotFound, []);

    public static Refusal Invalid(IReadOnlyList<FieldProblem> problems) => new(ChangeOutcome.Invalid, problems);

    public static Refusal Invalid(string field, Sentence message) => Invalid([new FieldProblem(field, message)]);

    /// <summary>A refusal in the current state; <paramref name="field"/> when one field caused it (a taken id).</summary>
    public static Refusal Conflict(Sentence message, string field = "") => new(ChangeOutcome.Conflict, [new FieldProblem(field, message)]);

    /// <summary>A refusal of what the one acting may not do, whatever the state.</summary>
    public static Refusal Forbidden(Sentence message) => new(ChangeOutcome.Forbidden, [new FieldProblem("", message)]);

    public static implicit operator ChangeResult(Refusal refusal) => new(refusal.Outcome, refusal.Problems);
}

/// <summary>A change that hands something back when done: a secret to show once, a link, a new id.</summary>
public sealed record ChangeResult<TValue>(ChangeOutcome Outcome, IReadOnlyList<FieldProblem> Problems, TValue? Value = default)
    : ChangeResult(Outcome, Problems)
{
    public static implicit operator ChangeResult<TValue>(Refusal refusal) => new(refusal.Outcome, refusal.Problems);
}

/// <summary>A change refused, nothing written: the result of whichever change refused it.</summary>
public readonly record struct Refusal(ChangeOutcome Outcome, IReadOnlyList<FieldProblem> Problems);
