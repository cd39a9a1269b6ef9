using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityProvider.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class HardwareTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "HardwareTokenId",
                table: "OtpDevices",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HardwareTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Serial = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Model = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Type = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Algorithm = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Digits = table.Column<int>(type: "integer", nullable: false),
                    PeriodSeconds = table.Column<int>(type: "integer", nullable: false),
                    ProtectedSeed = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastUsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NextCounter = table.Column<long>(type: "bigint", nullable: false),
                    LastAcceptedStep = table.Column<long>(type: "bigint", nullable: false),
                    DriftSteps = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HardwareTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HardwareTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OtpDevices_HardwareTokenId",
                table: "OtpDevices",
                column: "HardwareTokenId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HardwareTokens_Serial",
                table: "HardwareTokens",
                column: "Serial",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HardwareTokens_Status_Serial",
                table: "HardwareTokens",
                columns: new[] { "Status", "Serial" });

            migrationBuilder.CreateIndex(
                name: "IX_HardwareTokens_UserId",
                table: "HardwareTokens",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_OtpDevices_HardwareTokens_HardwareTokenId",
                table: "OtpDevices",
                column: "HardwareTokenId",
                principalTable: "HardwareTokens",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OtpDevices_HardwareTokens_HardwareTokenId",
                table: "OtpDevices");

            migrationBuilder.DropTable(
                name: "HardwareTokens");

            migrationBuilder.DropIndex(
                name: "IX_OtpDevices_HardwareTokenId",
                table: "OtpDevices");

            migrationBuilder.DropColumn(
                name: "HardwareTokenId",
                table: "OtpDevices");
        }
    }
}
