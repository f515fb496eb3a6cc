using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infra.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SandboxIndexFilterReadsBoolean : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SandboxResources_Kind_Region_Name",
                table: "SandboxResources");

            migrationBuilder.CreateIndex(
                name: "IX_SandboxResources_Kind_Region_Name",
                table: "SandboxResources",
                columns: new[] { "Kind", "Region", "Name" },
                unique: true,
                filter: "NOT \"IsGone\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SandboxResources_Kind_Region_Name",
                table: "SandboxResources");

            migrationBuilder.CreateIndex(
                name: "IX_SandboxResources_Kind_Region_Name",
                table: "SandboxResources",
                columns: new[] { "Kind", "Region", "Name" },
                unique: true,
                filter: "\"IsGone\" = 0");
        }
    }
}
