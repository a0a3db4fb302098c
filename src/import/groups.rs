//! Campaign groups from what exports say: a "Khối" column with "Xã", "Phòng
//! ban", "Khối xã"…, or only the unit's name ("UBND xã Phước Hải"). The words
//! come from the campaign's own aliases, so a new campaign brings its own.

use crate::campaign::Campaign;

use super::text::{starts_with_words, strip_committee, words};

/// Words that often stand before a group's name in a group column.
const LEADING: [&str; 5] = ["khoi ", "nhom ", "cap ", "loai ", "ubnd "];

pub struct GroupNames {
    /// (folded alias, group index), longest alias first.
    aliases: Vec<(String, usize)>,
    ids: Vec<String>,
}

impl GroupNames {
    pub fn new(campaign: &Campaign) -> GroupNames {
        let mut aliases = Vec::new();
        for (i, g) in campaign.groups.iter().enumerate() {
            aliases.push((words(&g.id), i));
            aliases.push((words(&g.name), i));
            aliases.extend(g.aliases.iter().map(|a| (words(a), i)));
        }
        aliases.retain(|(a, _)| !a.is_empty());
        aliases.sort_by_key(|a| std::cmp::Reverse(a.0.len()));
        let ids = campaign.groups.iter().map(|g| g.id.clone()).collect();
        GroupNames { aliases, ids }
    }

    pub fn id(&self, group: usize) -> &str {
        &self.ids[group]
    }

    pub fn known(&self) -> String {
        self.ids.join(", ")
    }

    /// The group a group-column cell names: exactly, or by its first words.
    pub fn from_cell(&self, cell: &str) -> Option<usize> {
        let mut w = words(cell);
        while let Some(rest) = LEADING.iter().find_map(|p| w.strip_prefix(p)) {
            w = rest.to_string();
        }
        let w = w.replace('_', " ");
        self.aliases
            .iter()
            .find(|(a, _)| *a == w)
            .or_else(|| self.aliases.iter().find(|(a, _)| starts_with_words(&w, a)))
            .map(|(_, g)| *g)
    }

    /// The group a unit name starts with ("UBND xã …" → xã), with the alias
    /// that decided it; `None` when no alias, or two groups equally, fit.
    pub fn from_name(&self, name: &str) -> Option<(usize, &str)> {
        let w = words(name);
        let w = strip_committee(&w);
        let mut fits = self.aliases.iter().filter(|(a, _)| starts_with_words(w, a));
        let (alias, group) = fits.next()?;
        let tie = fits.any(|(a, g)| a.len() == alias.len() && g != group);
        (!tie).then_some((*group, alias.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_cells_and_names_of_the_seed_campaign() {
        let g = GroupNames::new(&Campaign::builtin(crate::i18n::Lang::En));
        let id = |i: Option<usize>| i.map(|i| g.id(i).to_string());
        assert_eq!(id(g.from_cell("Xã")).as_deref(), Some("xa"));
        assert_eq!(id(g.from_cell("Khối xã")).as_deref(), Some("xa"));
        assert_eq!(id(g.from_cell("phong_ban")).as_deref(), Some("phong_ban"));
        assert_eq!(id(g.from_cell("Phòng ban")).as_deref(), Some("phong_ban"));
        assert_eq!(id(g.from_cell("Thị trấn")).as_deref(), Some("xa"));
        assert_eq!(g.from_cell("Doanh nghiệp"), None);
        let from_name = |n: &str| {
            g.from_name(n)
                .map(|(i, a)| (g.id(i).to_string(), a.to_string()))
        };
        assert_eq!(
            from_name("UBND xã Phước Hải"),
            Some(("xa".into(), "xa".into()))
        );
        assert_eq!(
            from_name("UBND thị trấn Phước Dân"),
            Some(("xa".into(), "thi tran".into()))
        );
        assert_eq!(
            from_name("Văn phòng HĐND và UBND huyện"),
            Some(("phong_ban".into(), "van phong".into()))
        );
        assert_eq!(
            from_name("Phòng Tư pháp").map(|x| x.0),
            Some("phong_ban".into())
        );
        assert_eq!(from_name("Trung tâm Y tế"), None);
    }
}
