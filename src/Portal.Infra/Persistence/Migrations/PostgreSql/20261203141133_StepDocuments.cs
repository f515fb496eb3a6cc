using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infra.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class StepDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StepDocuments",
                columns: table => new
                {
                    SessionId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ResourceName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StepDocuments", x => new { x.SessionId, x.ResourceName });
                });

            // Notebooks recorded inside the steps move to their own table.
            migrationBuilder.Sql(
                """
                INSERT INTO "StepDocuments" ("SessionId", "ResourceName", "Content")
                SELECT "SessionId", "ResourceName", "Spec"::json->>'document' FROM "SessionSteps"
                WHERE "Spec"::json->>'document' IS NOT NULL;
                UPDATE "SessionSteps" SET "Spec" = jsonb_set("Spec"::jsonb, '{document}', 'null'::jsonb)::text;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StepDocuments");
        }
    }
}
