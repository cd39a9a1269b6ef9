namespace IdentityProvider.PasswordReset;

/// <summary>What became of a completed reset form.</summary>
public enum ResetOutcome
{
    /// <summary>The password is set; the user signs in with it (both steps when owed).</summary>
    Done,

    /// <summary>Unknown user, tampered, expired, used, replaced by a newer link or voided by a password change: one answer for all.</summary>
    LinkInvalid,

    /// <summary>The new password breaks the password rules; the problems say how.</summary>
    PasswordInvalid,

    /// <summary>Two-step sign-in is on and no code was given.</summary>
    CodeMissing,

    /// <summary>The one-time password or recovery code was wrong (it counts toward the lockout).</summary>
    CodeRejected,

    /// <summary>The account is locked (now or already): no code is checked, nothing changes.</summary>
    Locked,
}
