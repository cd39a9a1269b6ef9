using IdentityProvider.Data.Entities;
using IdentityProvider.HardwareTokens;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages.HardwareTokens;

/// <summary>Imports a vendor's seed file (PSKC, plain or with a pre-shared key, or CSV) and reports what came of each entry.</summary>
[RequestSizeLimit(SeedFiles.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = SeedFiles.MaxBytes)]
public sealed class ImportModel(HardwareTokenRegistration registration, UserManager<ApplicationUser> users, IStringLocalizer<AdminText> text, IStringLocalizer<MessageText> messages) : PageModel
{
    [BindProperty]
    public IFormFile? SeedFile { get; set; }

    /// <summary>An encrypted PSKC file's AES-128 key from the vendor, 32 hexadecimal digits.</summary>
    [BindProperty]
    public string? PreSharedKey { get; set; }

    public ImportReport? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (SeedFile is not { Length: > 0 } upload)
        {
            ModelState.AddModelError(nameof(SeedFile), text["HardwareTokens.Import.ChooseFile"]);
            return Page();
        }

        if ((SeedFiles.KindOfFileName(upload.FileName) ?? SeedFiles.KindOf(upload.ContentType)) is not { } kind)
        {
            ModelState.AddModelError(nameof(SeedFile), text["HardwareTokens.Import.ChooseKind"]);
            return Page();
        }

        try
        {
            // Note: the readers are synchronous; the upload is buffered first so no synchronous I/O reaches the request.
            using var content = new MemoryStream();
            await upload.CopyToAsync(content);
            content.Position = 0;
            var file = SeedFiles.Read(content, kind, PreSharedKey);
            Report = await registration.ImportAsync(file, $"{(kind == SeedFileKind.Pskc ? "PSKC" : "CSV")} file", users.GetUserId(User)!);
        }
        catch (SeedFileException refused)
        {
            ModelState.AddModelError(nameof(SeedFile), text["HardwareTokens.Import.Refused", refused.Why.In(messages)]);
        }

        return Page();
    }
}
