/// A piece of equipment under discussion, on order or delivered (after the SIPRI register).
///
/// Not `Codable` on its own: it is read and written as part of a ``PartnershipRecord``,
/// whose `Codable` form is the JSON form of `docs/json-mapping.md` (its code lists,
/// being `Codable` strings, are the mapping's values).
public struct EquipmentItem: Sendable, Hashable {
    /// The broad category.
    public var category: Category
    /// Where the item stands.
    public var status: Status
    /// The `ref` of the supplying party, when known.
    public var supplier: String?
    /// The `ref` of the receiving party, when known.
    public var recipient: String?
    /// The designation (model name), when known.
    public var designation: String?
    /// Details, in one or more languages.
    public var description: [Narrative]
    /// Planned, ordered and delivered numbers, at most one of each kind.
    public var quantities: [Quantity]

    /// Creates an equipment item.
    public init(
        category: Category, status: Status, supplier: String? = nil, recipient: String? = nil,
        designation: String? = nil, description: [Narrative] = [], quantities: [Quantity] = []
    ) {
        self.category = category
        self.status = status
        self.supplier = supplier
        self.recipient = recipient
        self.designation = designation
        self.description = description
        self.quantities = quantities
    }

    /// Equipment categories.
    public enum Category: String, Sendable, Hashable, Codable, CaseIterable {
        case airDefenceSystem = "air-defence-system"
        case radar
        case combatVehicle = "combat-vehicle"
        case tacticalVehicle = "tactical-vehicle"
        case militaryElectronics = "military-electronics"
        case aircraft
        case helicopter
        case unmannedSystem = "unmanned-system"
        case artillery
        case missile
        case ship
        case smallArms = "small-arms"
        case ammunition
        case communications
        case trainingSystem = "training-system"
        case spareParts = "spare-parts"
        case other
    }

    /// Where an item stands.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case candidate
        case ordered
        case delivered
        case cancelled
    }

    /// A number of units of one kind.
    ///
    /// Not `Codable` on its own: it is read and written as part of a ``PartnershipRecord``,
    /// whose `Codable` form is the JSON form of `docs/json-mapping.md` (its code lists,
    /// being `Codable` strings, are the mapping's values).
    public struct Quantity: Sendable, Hashable {
        /// Planned, ordered or delivered.
        public var kind: Kind
        /// How many units.
        public var count: Int

        /// Creates a quantity.
        public init(kind: Kind, count: Int) {
            self.kind = kind
            self.count = count
        }

        /// What a quantity counts.
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            case planned
            case ordered
            case delivered
        }
    }
}
