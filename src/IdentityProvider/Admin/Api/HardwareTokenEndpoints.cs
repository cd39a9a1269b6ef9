using System.Security.Claims;
using IdentityProvider.Admin.Users;
using IdentityProvider.HardwareTokens;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Mvc;

namespace IdentityProvider.Admin.Api;

/// <summary>
/// <c>/api/admin/hardware-tokens</c>: the inventory of hardware OTP tokens: list, register one, import a vendor's
/// seed file (PSKC or CSV), assign, unassign, disable, enable, mark lost, delete, resync and identify. The same
/// services as the admin pages.
/// </summary>
public static class HardwareTokenEndpoints
{
    /// <summary>The header that may carry an encrypted PSKC file's pre-shared key instead of the <c>psk</c> query parameter.</summary>
    public const string PreSharedKeyHeader = "X-Pskc-Key";

    /// <param name="api">The administrators' group: the inventory itself (register, import, identify, delete, status, resync).</param>
    /// <param name="userManagement">The group a user-manager reaches too: list, read, assign, unassign.</param>
    public static void MapHardwareTokenEndpoints(this RouteGroupBuilder api, RouteGroupBuilder userManagement)
    {
        var tokens = api.MapGroup("/hardware-tokens").WithTags("Hardware tokens");
        var assigned = userManagement.MapGroup("/hardware-tokens").WithTags("Hardware tokens");
        assigned.MapGet("", ListAsync)
            .WithSummary("Tokens whose serial contains `serial`, held by `user` (id or part of the e-mail address), with `status` (in-stock, assigned, disabled, lost); 50 a page.")
            .ProducesValidationProblem();
        tokens.MapPost("", RegisterAsync)
            .WithSummary("Registers one token by hand, in stock: serial, model, type (hotp, totp), algorithm (SHA1, SHA256, SHA512), digits (6, 8), periodSeconds (TOTP) or counter (HOTP), seed and seedEncoding (hex, base32).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        tokens.MapPost("/import", ImportAsync)
            .Accepts<string>(SeedFiles.PskcMediaType, SeedFiles.CsvMediaType)
            .WithMetadata(new RequestSizeLimitAttribute(SeedFiles.MaxBytes))
            .WithSummary("Imports a seed file sent as the body: application/pskc+xml (RFC 6030; an encrypted one with the pre-shared key in hex as `psk` or the X-Pskc-Key header) or text/csv (serial,seed_hex,type,digits,period_or_counter). Reports added, skipped and rejected; a file that does not parse or fails its MAC adds nothing (400).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        tokens.MapPost("/identify", IdentifyAsync)
            .WithSummary("The serials of the tokens in stock or assigned that show `code` now (nothing is spent).")
            .ProducesValidationProblem();
        assigned.MapGet("/{serial}", GetAsync)
            .WithSummary("One token (never its seed).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        tokens.MapDelete("/{serial}", DeleteAsync)
            .WithSummary("Deletes a token nobody holds (in stock, disabled or lost), so that a found lost token can be registered anew.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        assigned.MapPost("/{serial}/assign", AssignAsync)
            .WithSummary("Assigns an in-stock token to `user` (id or e-mail address): one more OTP device of that user. A user's first device brings `recoveryCodes`, returned this once.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        assigned.MapPost("/{serial}/unassign", async (string serial, UserHardwareTokens change, HttpContext caller) =>
                Answer(await change.UnassignAsync(serial, AdminApiActor.Of(caller))))
            .WithSummary("Takes an assigned token back into stock.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        MapAction(tokens, "disable", "Refuses the token's codes until enabled; its holder keeps it.", (change, serial, actor) => change.DisableAsync(serial, actor));
        MapAction(tokens, "enable", "Enables a disabled token: back to its holder, or to stock.", (change, serial, actor) => change.EnableAsync(serial, actor));
        MapAction(tokens, "lost", "Marks the token lost: refused at once, never assigned again.", (change, serial, actor) => change.MarkLostAsync(serial, actor));
        tokens.MapPost("/{serial}/resync", ResyncAsync)
            .WithSummary("Resynchronises the token with two consecutive codes `code1` and `code2` (both are spent).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(HardwareTokenInventory inventory, string? serial, string? status, string? user, int? page)
    {
        if ((serial?.Length ?? 0) > HardwareTokenInventory.MaxSearchLength || (user?.Length ?? 0) > HardwareTokenInventory.MaxSearchLength)
        {
            return Problems.Invalid(serial?.Length > HardwareTokenInventory.MaxSearchLength ? "serial" : "user",
                new Sentence("Search.TooLong", HardwareTokenInventory.MaxSearchLength));
        }

        if (!string.IsNullOrEmpty(status) && !HardwareTokenStatus.All.Contains(status))
        {
            return Problems.Invalid("status", new Sentence("Api.Status.Unknown", string.Join(", ", HardwareTokenStatus.All)));
        }

        if (page is < 1 or > HardwareTokenInventory.MaxPage)
        {
            return Problems.Invalid("page", new Sentence("Api.Page.Range", HardwareTokenInventory.MaxPage));
        }

        var found = await inventory.ListAsync(new HardwareTokenFilter(status, Serial: serial?.Trim(), User: user?.Trim()), page ?? 1);
        return TypedResults.Ok(new TokenListDocument(found.Tokens, found.Total, found.Page, found.PageSize));
    }

    private static async Task<IResult> GetAsync(string serial, HardwareTokenInventory inventory) =>
        await inventory.FindAsync(serial) is { } token ? TypedResults.Ok(token) : Problems.NotFound("hardware token", "serial");

    private static async Task<IResult> RegisterAsync(HardwareTokenInput body, HardwareTokenRegistration registration, HardwareTokenInventory inventory, ClaimsPrincipal caller)
    {
        if (body.TryBuild(out var problems) is not { } token)
        {
            return Problems.Invalid(problems);
        }

        if (await registration.RegisterAsync(token, AdminApiActor.Of(caller)) is { } refusal)
        {
            return HardwareTokenRegistration.Check(token) is null ? Problems.Conflict(refusal) : Problems.Invalid("serial", refusal);
        }

        return TypedResults.Created($"{AdminApi.Prefix}/hardware-tokens/{Uri.EscapeDataString(token.Serial)}", await inventory.FindAsync(token.Serial));
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, string? psk, HardwareTokenRegistration registration, ClaimsPrincipal caller)
    {
        if (SeedFiles.KindOf(request.ContentType) is not { } kind)
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: new Sentence("Api.SeedFile.MediaType", SeedFiles.PskcMediaType, SeedFiles.CsvMediaType).English);
        }

        var preSharedKey = psk ?? request.Headers[PreSharedKeyHeader].ToString();
        try
        {
            // Note: the readers are synchronous (XmlReader, CsvHelper); the body is buffered first so no synchronous I/O reaches Kestrel.
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            body.Position = 0;
            var file = SeedFiles.Read(body, kind, preSharedKey);
            var report = await registration.ImportAsync(file, kind == SeedFileKind.Pskc ? "PSKC file" : "CSV file", AdminApiActor.Of(caller));
            return TypedResults.Ok(report);
        }
        catch (SeedFileException refused)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: new Sentence("Api.SeedFile.Refused").English, detail: refused.Why.English);
        }
    }

    private static async Task<IResult> AssignAsync(string serial, AssignRequest body, UserHardwareTokens assignment, HttpContext caller)
    {
        if (string.IsNullOrWhiteSpace(body.User))
        {
            return Problems.Invalid("user", new Sentence("Api.User.Missing"));
        }

        var result = await assignment.AssignAsync(serial, body.User, AdminApiActor.Of(caller));
        var response = caller.Response;
        return result.Succeeded ? Assigned(serial, result.Value, response) : Refusal(result);
    }

    private static IResult Assigned(string serial, IReadOnlyList<string>? codes, HttpResponse response)
    {
        // Warning: recovery codes are in this answer only; nothing may keep a copy of it.
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new AssignedDocument(serial, codes));
    }

    private static async Task<IResult> ResyncAsync(string serial, ResyncRequest body, HardwareTokenCodes codes, ClaimsPrincipal caller)
    {
        var result = await codes.ResyncAsync(serial, body.Code1, body.Code2, AdminApiActor.Of(caller));
        return result.Succeeded ? TypedResults.NoContent() : Refusal(result);
    }

    private static async Task<IResult> IdentifyAsync(IdentifyRequest body, HardwareTokenCodes codes, ClaimsPrincipal caller)
    {
        var (serials, error) = await codes.IdentifyAsync(body.Code, AdminApiActor.Of(caller));
        return serials is null ? Problems.Invalid("code", error!) : TypedResults.Ok(new IdentifiedDocument(serials));
    }

    private static async Task<IResult> DeleteAsync(string serial, HardwareTokenAssignment assignment, ClaimsPrincipal caller) =>
        Answer(await assignment.DeleteAsync(serial, AdminApiActor.Of(caller)));

    private static void MapAction(RouteGroupBuilder tokens, string action, string summary, Func<HardwareTokenAssignment, string, string, Task<ChangeResult>> change) =>
        tokens.MapPost($"/{{serial}}/{action}", async (string serial, HardwareTokenAssignment assignment, ClaimsPrincipal caller) =>
                Answer(await change(assignment, serial, AdminApiActor.Of(caller))))
            .WithSummary(summary)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static IResult Answer(ChangeResult result) => result.Succeeded ? TypedResults.NoContent() : Refusal(result);

    private static IResult Refusal(ChangeResult result) => Problems.Refusal(result, "hardware token", "serial");

    public sealed record TokenListDocument(IReadOnlyList<HardwareTokenRow> Tokens, int Total, int Page, int PageSize);

    public sealed record AssignRequest(string? User);

    /// <param name="RecoveryCodes">The user's first recovery codes when this token is the user's first device; shown only here.</param>
    public sealed record AssignedDocument(string Serial, IReadOnlyList<string>? RecoveryCodes);

    public sealed record ResyncRequest(string? Code1, string? Code2);

    public sealed record IdentifyRequest(string? Code);

    public sealed record IdentifiedDocument(IReadOnlyList<string> Serials);
}
