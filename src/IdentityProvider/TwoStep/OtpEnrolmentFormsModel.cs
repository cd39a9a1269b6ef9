namespace IdentityProvider.TwoStep;

/// <summary>The fields both enrolment pages bind (prefix <c>Enrolment.</c>).</summary>
public sealed class OtpEnrolmentInput
{
    public string? Name { get; set; }

    public OtpType Type { get; set; } = OtpType.Totp;

    public Guid DeviceId { get; set; }

    public string? FirstCode { get; set; }

    public string? SecondCode { get; set; }
}

/// <summary>What the <c>_OtpEnrolmentForms</c> partial renders: the first form, or the QR code and the confirm form.</summary>
/// <param name="ReturnUrl">During sign-in, the authorize request both forms must carry on to; null on the account page.</param>
public sealed record OtpEnrolmentFormsModel(OtpEnrolmentView? View, string? Name, OtpType Type, string? ReturnUrl = null);
