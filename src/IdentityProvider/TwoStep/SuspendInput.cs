using System.Globalization;

namespace IdentityProvider.TwoStep;

/// <summary>The administrator's suspension form (prefix <c>Suspend.</c>): for how long, and why.</summary>
public sealed class SuspendInput
{
    public const string ForDays = "days";
    public const string Indefinitely = "indefinitely";

    public string? Duration { get; set; } = ForDays;

    /// <summary>Text, not a number, so anything typed gets a clear message instead of a binding error.</summary>
    public string? Days { get; set; } = "7";

    public string? Reason { get; set; }

    public bool IsIndefinite => Duration == Indefinitely;

    /// <summary>
    /// The number of days (null for indefinitely); false with the message when the field does not hold a whole
    /// number. The range and the reason are checked by <see cref="TwoStepSuspension.Check"/>.
    /// </summary>
    public bool TryReadDays(out int? days, out string? error)
    {
        days = null;
        error = null;
        if (IsIndefinite)
        {
            return true;
        }

        if (!int.TryParse(Days?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            error = $"Enter a number of days from {TwoStepSuspension.MinDays} to {TwoStepSuspension.MaxDays}, or choose indefinitely.";
            return false;
        }

        days = parsed;
        return true;
    }
}
