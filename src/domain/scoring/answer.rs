//! One item's answer and its outcome: what the engine takes in and what the
//! per-rule scoring gives back.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::base::decimal::Dec;

/// What the agency answered for one item (keyed by the item's code).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<AnswerValue>,
    /// "Không áp dụng", allowed only where the set says so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_applicable: bool,
    /// Not scored for this agency by an exemption of the set (its label):
    /// removed from the maximum whatever the item allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exempt: Option<String>,
}

/// The value of an answer; its shape follows the item's rule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AnswerValue {
    /// An option of a levels, bonus or deduction rule.
    Option {
        id: String,
    },
    YesNo {
        yes: bool,
    },
    Percent {
        percent: Dec,
    },
    Fraction {
        numerator: Dec,
        denominator: Dec,
    },
    Count {
        count: u64,
    },
    /// A direct score.
    Points {
        points: Dec,
    },
}

pub type Answers = BTreeMap<String, Answer>;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    Unanswered,
    NotApplicable,
    Scored,
    /// The answer cannot be scored (out of range, unknown option…): counts 0.
    Invalid,
    /// Scored by the survey, not by the agency.
    Survey,
}

/// The outcome for one scored unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemScore {
    pub code: String,
    pub status: ItemStatus,
    /// The maximum that counts toward the criterion (0 for bonus/deduction).
    pub max: Dec,
    /// The maximum that counts toward the index (0 when N/A or survey).
    pub applicable_max: Dec,
    /// Points earned. For a bonus item, the bonus; for a deduction item, the
    /// amount actually subtracted from its criterion.
    pub points: Dec,
    /// Why, in Vietnamese: "86% → 0,5 điểm (mức từ 80% đến dưới 100%)".
    pub reason: String,
}

impl ItemScore {
    /// Points lost against the applicable maximum.
    pub fn points_lost(&self) -> Dec {
        (self.applicable_max - self.points).max(Dec::ZERO)
    }
}
