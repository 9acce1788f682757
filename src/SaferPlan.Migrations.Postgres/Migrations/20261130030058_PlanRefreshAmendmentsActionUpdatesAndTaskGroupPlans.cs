using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SaferPlan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PlanRefreshAmendmentsActionUpdatesAndTaskGroupPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanEditions_PlanId",
                table: "PlanEditions");

            migrationBuilder.AddColumn<string>(
                name: "ApprovalMinute",
                table: "PlanEditions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovedBy",
                table: "PlanEditions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PreviousEditionId",
                table: "PlanEditions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Honorific",
                table: "People",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ToLine",
                table: "PartnerBriefings",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ActionUpdateId",
                table: "MilestoneUpdates",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OriginId",
                table: "Milestones",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Chart",
                table: "FigureTables",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "OriginId",
                table: "Actions",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActionUpdates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActionId = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionUpdates_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Amendments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartnershipId = table.Column<int>(type: "integer", nullable: false),
                    Record = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RecordId = table.Column<int>(type: "integer", nullable: false),
                    ItemKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    ItemReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Changes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Marking = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AmendedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AmendedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Amendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Amendments_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BodyActionPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StrategicAim = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PlanLead = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Marking = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BodyActionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BodyActionPlans_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PriorityOrigin",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PriorityId = table.Column<int>(type: "integer", nullable: false),
                    OriginId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriorityOrigin", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PriorityOrigin_Priorities_OriginId",
                        column: x => x.OriginId,
                        principalTable: "Priorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PriorityOrigin_Priorities_PriorityId",
                        column: x => x.PriorityId,
                        principalTable: "Priorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BodyActionPlanItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    Heading = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Lead = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Milestones = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Marking = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BodyActionPlanItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BodyActionPlanItems_BodyActionPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "BodyActionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BodyActionPlanProgress",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Progress = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Marking = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BodyActionPlanProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BodyActionPlanProgress_BodyActionPlanItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "BodyActionPlanItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanEditions_PlanId_YearStart",
                table: "PlanEditions",
                columns: new[] { "PlanId", "YearStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanEditions_PreviousEditionId",
                table: "PlanEditions",
                column: "PreviousEditionId");

            migrationBuilder.CreateIndex(
                name: "IX_MilestoneUpdates_ActionUpdateId",
                table: "MilestoneUpdates",
                column: "ActionUpdateId");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_OriginId",
                table: "Milestones",
                column: "OriginId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_OriginId",
                table: "Actions",
                column: "OriginId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionUpdates_ActionId_Period",
                table: "ActionUpdates",
                columns: new[] { "ActionId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Amendments_PartnershipId",
                table: "Amendments",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_Amendments_Record_RecordId",
                table: "Amendments",
                columns: new[] { "Record", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_BodyActionPlanItems_PlanId_SortOrder",
                table: "BodyActionPlanItems",
                columns: new[] { "PlanId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_BodyActionPlanProgress_ItemId_Period",
                table: "BodyActionPlanProgress",
                columns: new[] { "ItemId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BodyActionPlans_BodyId_Year",
                table: "BodyActionPlans",
                columns: new[] { "BodyId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_PriorityOrigin_OriginId",
                table: "PriorityOrigin",
                column: "OriginId");

            migrationBuilder.CreateIndex(
                name: "IX_PriorityOrigin_PriorityId_OriginId",
                table: "PriorityOrigin",
                columns: new[] { "PriorityId", "OriginId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Actions_Actions_OriginId",
                table: "Actions",
                column: "OriginId",
                principalTable: "Actions",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Milestones_Milestones_OriginId",
                table: "Milestones",
                column: "OriginId",
                principalTable: "Milestones",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_MilestoneUpdates_ActionUpdates_ActionUpdateId",
                table: "MilestoneUpdates",
                column: "ActionUpdateId",
                principalTable: "ActionUpdates",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_PlanEditions_PlanEditions_PreviousEditionId",
                table: "PlanEditions",
                column: "PreviousEditionId",
                principalTable: "PlanEditions",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Actions_Actions_OriginId",
                table: "Actions");

            migrationBuilder.DropForeignKey(
                name: "FK_Milestones_Milestones_OriginId",
                table: "Milestones");

            migrationBuilder.DropForeignKey(
                name: "FK_MilestoneUpdates_ActionUpdates_ActionUpdateId",
                table: "MilestoneUpdates");

            migrationBuilder.DropForeignKey(
                name: "FK_PlanEditions_PlanEditions_PreviousEditionId",
                table: "PlanEditions");

            migrationBuilder.DropTable(
                name: "ActionUpdates");

            migrationBuilder.DropTable(
                name: "Amendments");

            migrationBuilder.DropTable(
                name: "BodyActionPlanProgress");

            migrationBuilder.DropTable(
                name: "PriorityOrigin");

            migrationBuilder.DropTable(
                name: "BodyActionPlanItems");

            migrationBuilder.DropTable(
                name: "BodyActionPlans");

            migrationBuilder.DropIndex(
                name: "IX_PlanEditions_PlanId_YearStart",
                table: "PlanEditions");

            migrationBuilder.DropIndex(
                name: "IX_PlanEditions_PreviousEditionId",
                table: "PlanEditions");

            migrationBuilder.DropIndex(
                name: "IX_MilestoneUpdates_ActionUpdateId",
                table: "MilestoneUpdates");

            migrationBuilder.DropIndex(
                name: "IX_Milestones_OriginId",
                table: "Milestones");

            migrationBuilder.DropIndex(
                name: "IX_Actions_OriginId",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "ApprovalMinute",
                table: "PlanEditions");

            migrationBuilder.DropColumn(
                name: "ApprovedBy",
                table: "PlanEditions");

            migrationBuilder.DropColumn(
                name: "PreviousEditionId",
                table: "PlanEditions");

            migrationBuilder.DropColumn(
                name: "Honorific",
                table: "People");

            migrationBuilder.DropColumn(
                name: "ToLine",
                table: "PartnerBriefings");

            migrationBuilder.DropColumn(
                name: "ActionUpdateId",
                table: "MilestoneUpdates");

            migrationBuilder.DropColumn(
                name: "OriginId",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "Chart",
                table: "FigureTables");

            migrationBuilder.DropColumn(
                name: "OriginId",
                table: "Actions");

            migrationBuilder.CreateIndex(
                name: "IX_PlanEditions_PlanId",
                table: "PlanEditions",
                column: "PlanId");
        }
    }
}
