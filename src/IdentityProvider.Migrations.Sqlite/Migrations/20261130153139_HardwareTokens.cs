using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityProvider.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HardwareTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HardwareTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Serial = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Algorithm = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Digits = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    ProtectedSeed = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextCounter = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAcceptedStep = table.Column<long>(type: "INTEGER", nullable: false),
                    DriftSteps = table.Column<long>(type: "INTEGER", nullable: false)
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

            // Note: SQLite adds a nullable column with its foreign key in place; EF's AddColumn + AddForeignKey rebuilt
            // OtpDevices with "PRAGMA foreign_keys = 0", which cannot run in the migration's transaction (and warned).
            migrationBuilder.Sql(
                "ALTER TABLE \"OtpDevices\" ADD COLUMN \"HardwareTokenId\" TEXT NULL " +
                "CONSTRAINT \"FK_OtpDevices_HardwareTokens_HardwareTokenId\" REFERENCES \"HardwareTokens\" (\"Id\") ON DELETE RESTRICT;");

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
