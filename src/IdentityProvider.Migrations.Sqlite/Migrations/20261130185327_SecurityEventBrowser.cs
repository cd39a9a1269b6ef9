using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdentityProvider.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SecurityEventBrowser : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Methods",
                table: "SecurityEvents",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserAgent",
                table: "SecurityEvents",
                type: "TEXT",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Methods",
                table: "SecurityEvents");

            migrationBuilder.DropColumn(
                name: "UserAgent",
                table: "SecurityEvents");
        }
    }
}
